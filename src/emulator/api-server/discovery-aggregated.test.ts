/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- recorded bodies are untyped JSON */
// Aggregated discovery against the 1.32 recordings: every served resource as recorded, the headers, ETag and 304.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApiServer, type TestApiServer } from '../../../fixtures/apiserver/start-test-api-server.js'
import { aggregatedDiscoveryVersion } from './discovery-aggregated.js'

const KUBECTL_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json'
const transcript = JSON.parse(readFileSync(new URL('../../../fixtures/apiserver-v1.32/kubectl-22-get-endpointslices.json', import.meta.url), 'utf8')) as { exchanges: any[] }
const recorded = (path: string) => transcript.exchanges.find((exchange) => exchange.path === path)

/** Each served resource equals the recorded entry; its subresources are a subset of the recorded ones (we serve fewer). */
const expectLikeRecorded = (ours: any, theirs: any) => {
  expect(theirs, ours.resource).toBeDefined()
  const { subresources = [], ...rest } = ours
  const { subresources: recordedSubresources = [], ...recordedRest } = theirs
  expect(rest).toEqual(recordedRest)
  for (const subresource of subresources) expect(subresource).toEqual(recordedSubresources.find((entry: any) => entry.subresource === subresource.subresource))
}

let t: TestApiServer | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe('aggregated discovery', () => {
  it('picks the first aggregated version the Accept names, and none without one', () => {
    expect(aggregatedDiscoveryVersion(KUBECTL_ACCEPT)).toBe('v2')
    expect(aggregatedDiscoveryVersion('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList')).toBe('v2beta1')
    expect(aggregatedDiscoveryVersion('application/json, */*')).toBeUndefined()
    expect(aggregatedDiscoveryVersion(undefined)).toBeUndefined()
  })

  it.each(['/api', '/apis'])('%s answers kubectl as recorded: type, caching headers, and every served resource', async (path) => {
    t = await startTestApiServer()
    const response = await t.request('GET', `${path}?timeout=32s`, { headers: { Accept: KUBECTL_ACCEPT } })
    const exchange = recorded(path).response
    expect(response.status).toBe(200)
    const header = (name: string) => exchange.headers.find(([key]: [string]) => key === name)[1]
    expect([response.headers.get('content-type'), response.headers.get('cache-control'), response.headers.get('vary')]).toEqual([header('Content-Type'), header('Cache-Control'), header('Vary')])
    expect(response.headers.get('etag')).toMatch(/^"[0-9A-F]{128}"$/)
    const ours = response.json as any
    const theirs = JSON.parse(exchange.body_text)
    expect([ours.kind, ours.apiVersion, ours.metadata]).toEqual([theirs.kind, theirs.apiVersion, theirs.metadata])
    const names = ours.items.map((item: any) => item.metadata.name)
    expect(names).toEqual(theirs.items.map((item: any) => item.metadata.name).filter((name: string) => names.includes(name)))
    const extraVersions: string[] = []
    const unrecorded = new Set<string>()
    for (const group of ours.items) {
      const recordedGroup = theirs.items.find((item: any) => item.metadata.name === group.metadata.name)
      expect(group.metadata).toEqual(recordedGroup.metadata)
      for (const version of group.versions) {
        const recordedVersion = recordedGroup.versions.find((entry: any) => entry.version === version.version)
        if (!recordedVersion) {
          extraVersions.push(`${String(group.metadata.name)}/${String(version.version)}`)
          continue
        }
        expect(version.freshness).toBe(recordedVersion.freshness)
        for (const resource of version.resources) {
          const recordedResource = recordedVersion.resources.find((entry: any) => entry.resource === resource.resource)
          if (recordedResource) expectLikeRecorded(resource, recordedResource)
          else unrecorded.add(`${String(group.metadata.name)}/${String(resource.resource)}`)
        }
      }
      expect(group.versions.map((version: any) => version.version).filter((name: string) => !extraVersions.includes(`${String(group.metadata.name)}/${name}`))).toEqual(recordedGroup.versions.map((version: any) => version.version))
    }
    // 1.24's policy/v1beta1 is still served (the 1.24 replay needs it); 1.32 has only v1
    expect(extraVersions).toEqual(path === '/apis' ? ['policy/v1beta1'] : [])
    // the recorded cluster had only the VirtualService and DestinationRule CRDs installed
    expect([...unrecorded]).toEqual(path === '/apis' ? ['networking.istio.io/gateways'] : [])
  })

  it('answers 304 to its own ETag, v2beta1 when only that is accepted, and the legacy document to a plain Accept', async () => {
    t = await startTestApiServer()
    const first = await t.request('GET', '/apis', { headers: { Accept: KUBECTL_ACCEPT } })
    const again = await t.request('GET', '/apis', { headers: { Accept: KUBECTL_ACCEPT, 'If-None-Match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
    const beta = await t.request('GET', '/api', { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList' } })
    expect([beta.status, beta.headers.get('content-type'), (beta.json as any).apiVersion]).toEqual([200, 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList', 'apidiscovery.k8s.io/v2beta1'])
    const legacy = await t.request('GET', '/apis', { headers: { Accept: 'application/json, */*' } })
    expect([legacy.headers.get('content-type'), (legacy.json as any).kind]).toEqual(['application/json', 'APIGroupList'])
  })
})
