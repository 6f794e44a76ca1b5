// Nothing a client sends may crash the server: garbage paths, bodies, headers and methods all get an answer.
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApiServer, TEST_TOKEN, type TestApiServer } from '../../../fixtures/apiserver/start-test-api-server.js'

const PATHS = [
  '/api/v1/namespaces/default/pods/%E0%A4%A',
  '/api/v1/namespaces//pods',
  '/apis/apps/v1/namespaces/default/deployments/web/scale/extra',
  '/api/v1/watch/namespaces/default/pods/x/status',
  '/api/v1/pods?limit=-5&continue=%00%01',
  '/api/v1/pods?labelSelector=%28%28%28&fieldSelector=%3D%3D%3D',
  '/api/v1/pods?watch=true&resourceVersion=abc',
  '/apis/networking.istio.io/v1/namespaces/default/virtualservices?limit=1&continue=eyJ2IjoieCJ9',
  '/' + 'a/'.repeat(500),
]
const BODIES = ['', 'null', '[]', '{"metadata":null}', '{"metadata":{"name":5}}', '{"spec":{"containers":[null,1,"x"]}}', '\u0000\u0001', '{'.repeat(2000), '[{"op":"move","from":"/metadata","path":"/metadata/x"}]']
const CONTENT_TYPES = ['application/json', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml', 'text/plain']

const rawRequest = (url: string, method: string, path: string, headers: Record<string, string>, body: string | Buffer) =>
  new Promise<number>((resolve, reject) => {
    const target = new URL(url)
    const outgoing = httpRequest({ host: target.hostname, port: target.port, method, path, headers }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })

describe('hostile input', () => {
  let t: TestApiServer
  beforeAll(async () => {
    t = await startTestApiServer()
    await t.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'x' }, spec: { containers: [{ name: 'c', image: 'i' }] } } })
  })
  afterAll(async () => t.close())

  it('answers every garbage path, body, content type and method with a status below 600 and keeps serving', async () => {
    const auth = { Authorization: `Bearer ${TEST_TOKEN}` }
    const statuses: number[] = []
    for (const path of PATHS) statuses.push(await rawRequest(t.server.url, 'GET', path, auth, ''))
    for (const body of BODIES) {
      for (const contentType of CONTENT_TYPES) {
        for (const [method, path] of [['POST', '/api/v1/namespaces/default/pods'], ['PUT', '/api/v1/namespaces/default/pods/x'], ['PATCH', '/api/v1/namespaces/default/pods/x'], ['POST', '/api/v1/namespaces/default/pods/x/eviction'], ['DELETE', '/api/v1/namespaces/default/pods/x']] as const) {
          statuses.push(await rawRequest(t.server.url, method, path, { ...auth, 'Content-Type': contentType }, body))
        }
      }
    }
    statuses.push(await rawRequest(t.server.url, 'BREW', '/api/v1/pods', auth, ''))
    statuses.push(await rawRequest(t.server.url, 'GET', '/api/v1/pods', { Authorization: 'Basic Zm9vOmJhcg==', Accept: '\u00ff;;;' }, ''))
    expect(statuses.every((status) => status >= 200 && status < 600)).toBe(true)
    expect(statuses.map((status, index) => (status === 500 ? index : -1)).filter((index) => index >= 0)).toEqual([])
    expect((await t.request('GET', '/api/v1/namespaces/default/pods')).status).toBe(200)
  })

  it('answers every truncated, bit-flipped or random protobuf body without a 500 and keeps serving', async () => {
    const recording = JSON.parse(readFileSync(new URL('../../../fixtures/apiserver-v1.32/kubectl-01-create-deployment.json', import.meta.url), 'utf8')) as {
      exchanges: { request: { body_base64?: string; body_is_protobuf?: boolean } }[]
    }
    const deployment = Buffer.from(recording.exchanges.find((exchange) => exchange.request.body_is_protobuf)!.request.body_base64!, 'base64')
    const bodies: Buffer[] = []
    for (let length = 0; length < deployment.length; length += 1) bodies.push(deployment.subarray(0, length))
    for (let index = 4; index < deployment.length; index += 1) {
      const flipped = Buffer.from(deployment)
      flipped[index] = flipped[index]! ^ 0xff
      bodies.push(flipped)
    }
    let seed = 11
    const nextByte = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff
    for (let count = 0; count < 40; count += 1) bodies.push(Buffer.concat([deployment.subarray(0, 4), Buffer.from(Array.from({ length: 1 + (count * 7) % 200 }, nextByte))]))
    // a raw field that claims 2^31 - 1 bytes
    bodies.push(Buffer.concat([deployment.subarray(0, 4), Buffer.from([0x12, 0xff, 0xff, 0xff, 0xff, 0x07, 0x01])]))
    const headers = { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/vnd.kubernetes.protobuf', Accept: 'application/vnd.kubernetes.protobuf' }
    const targets = [
      ['POST', '/apis/apps/v1/namespaces/default/deployments'],
      ['PUT', '/api/v1/namespaces/default/pods/x'],
      ['POST', '/api/v1/namespaces/default/pods/x/eviction'],
      ['PUT', '/apis/apps/v1/namespaces/default/deployments/web/scale'],
    ] as const
    const statuses: number[] = []
    for (const body of bodies) {
      for (const [method, path] of targets) statuses.push(await rawRequest(t.server.url, method, path, headers, body))
    }
    expect(statuses.every((status) => status >= 200 && status < 600)).toBe(true)
    expect(statuses.filter((status) => status === 500)).toEqual([])
    expect((await t.request('GET', '/api/v1/namespaces/default/pods')).status).toBe(200)
  })
})
