import { writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { CustomObjectsApi } from '@kubernetes/client-node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { kubeconfigFor } from '../../emulator/index.js'
import { startDriverCluster, type DriverCluster } from '../../testing/start-driver-cluster.js'
import { istioCatalog } from './catalog.js'
import { SNAPSHOT_ANNOTATION } from './fault-snapshot.js'
import { callActivity } from '../../testing/call-activity.js'

const NS = 'mesh'
const actions = istioCatalog['chaosistio.fault.actions']!
const probes = istioCatalog['chaosistio.fault.probes']!

const where = { group: 'networking.istio.io', version: 'v1alpha3', namespace: NS, plural: 'virtualservices' }
const manifestFault = { abort: { httpStatus: 500, percentage: { value: 10 } } }
const http = [
  { match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
  { route: [{ destination: { host: 'reviews', subset: 'v3' } }], fault: manifestFault },
  { route: [{ destination: { host: 'reviews', subset: 'v1' } }] },
]
const v2 = [{ destination: { host: 'reviews', subset: 'v2' } }]
const v3 = [{ destination: { host: 'reviews', subset: 'v3' } }]

let driver: DriverCluster
let custom: CustomObjectsApi

type VirtualService = { metadata: { annotations?: Record<string, string> }; spec: { http: Array<Record<string, unknown>> } }
const read = async () => (await custom.getNamespacedCustomObject({ ...where, name: 'reviews' })) as VirtualService

beforeAll(async () => {
  driver = await startDriverCluster({ namespaces: [NS] })
  custom = driver.custom
})

afterAll(async () => {
  await driver?.stop()
})

beforeEach(async () => {
  await custom.deleteNamespacedCustomObject({ ...where, name: 'reviews' }).catch(() => undefined)
  await custom.createNamespacedCustomObject({
    ...where,
    body: { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'reviews' }, spec: { hosts: ['reviews'], http } },
  })
})

describe('compatible mode (chaosistio 0.4.1 behaviour)', () => {
  it('add_delay_fault puts the delay on the entry routing to (reviews, v2) only, and returns {status, body, headers}', async () => {
    const result = (await driver.call(actions.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '5s', percentage: 100, routes: v2 })) as {
      status: number
      body: VirtualService
      headers: Record<string, string>
    }
    expect(result.status).toBe(200)
    expect(result.body.spec.http[0]!.fault).toEqual({ delay: { fixedDelay: '5s', percentage: { value: 100 } } })
    expect(Object.keys(result.headers).map((k) => k.toLowerCase())).toContain('content-type')
    const stored = await read()
    expect(stored.spec.http.map((entry) => entry.fault)).toEqual([{ delay: { fixedDelay: '5s', percentage: { value: 100 } } }, manifestFault, undefined])
  })

  it('add_abort_fault replaces a delay, and remove_delay_fault removes the whole fault key, manifest faults included', async () => {
    await driver.call(actions.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '5s', routes: v2 })
    await driver.call(actions.add_abort_fault, { virtual_service_name: 'reviews', ns: NS, http_status: 503, routes: v2 })
    expect((await read()).spec.http[0]!.fault).toEqual({ abort: { httpStatus: 503 } })
    await driver.call(actions.remove_delay_fault, { virtual_service_name: 'reviews', ns: NS, routes: [...v2, ...v3] })
    expect((await read()).spec.http.map((entry) => 'fault' in entry)).toEqual([false, false, false])
  })

  it('a fault matching no route still PATCHes (a no-op) and reports 200', async () => {
    const result = (await driver.call(actions.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '1s', routes: [{ destination: { host: 'reviews' } }] })) as { status: number }
    expect(result.status).toBe(200)
    expect((await read()).spec.http).toEqual(http)
  })

  it('a refused PATCH is returned as data, not thrown', async () => {
    const result = (await driver.call(actions.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '1s', percentage: { value: 100 }, routes: v2 })) as { status: number; body: { kind?: string } }
    expect(result.status).toBeGreaterThanOrEqual(400)
    expect(result.body.kind).toBe('Status')
    expect((await read()).spec.http).toEqual(http)
  })

  it('a missing VirtualService fails with chaosistio\'s message; get_virtual_service returns its 404', async () => {
    await expect(driver.call(actions.add_delay_fault, { virtual_service_name: 'ghost', ns: NS, fixed_delay: '1s', routes: v2 })).rejects.toThrow(
      "Virtual Service 'ghost' does not exist: ",
    )
    const missing = (await driver.call(probes.get_virtual_service, { virtual_service_name: 'ghost', ns: NS })) as { status: number }
    expect(missing.status).toBe(404)
    const found = (await driver.call(probes.get_virtual_service, { virtual_service_name: 'reviews', ns: NS, version: 'networking.istio.io/v1' })) as { status: number; body: VirtualService }
    expect(found.status).toBe(200)
    expect(found.body.spec.http).toEqual(http)
  })
})

describe('strict mode', () => {
  it('restore exactly what was there: the manifest fault comes back and the snapshot annotation goes', async () => {
    await driver.call(actions.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '5s', percentage: 100, routes: v3 }, { strict: true })
    const faulted = await read()
    expect(faulted.spec.http[1]!.fault).toEqual({ delay: { fixedDelay: '5s', percentage: { value: 100 } } })
    expect(JSON.parse(faulted.metadata.annotations![SNAPSHOT_ANNOTATION]!)).toEqual(http)

    await driver.call(actions.add_abort_fault, { virtual_service_name: 'reviews', ns: NS, http_status: 503, routes: v2 }, { strict: true })
    await driver.call(actions.remove_abort_fault, { virtual_service_name: 'reviews', ns: NS, routes: v2 }, { strict: true })
    expect((await read()).metadata.annotations?.[SNAPSHOT_ANNOTATION]).toBeDefined()
    await driver.call(actions.remove_delay_fault, { virtual_service_name: 'reviews', ns: NS, routes: v3 }, { strict: true })
    const restored = await read()
    expect(restored.spec.http).toEqual(http)
    expect(restored.metadata.annotations?.[SNAPSHOT_ANNOTATION]).toBeUndefined()
  })

  it('a fault that matches no route is an error and writes nothing', async () => {
    await expect(
      driver.call(actions.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '1s', routes: [{ destination: { host: 'reviews.default.svc.cluster.local', subset: 'v2' } }] }, { strict: true }),
    ).rejects.toThrow("no HTTP route of VirtualService 'reviews' in namespace 'mesh' goes to reviews.default.svc.cluster.local/v2 (its routes go to reviews/v2, reviews/v3, reviews/v1)")
    expect((await read()).spec.http).toEqual(http)
  })

  it('a refused write is an error', async () => {
    await expect(
      driver.call(actions.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '1s', percentage: { value: 100 }, routes: v2 }, { strict: true }),
    ).rejects.toThrow("the API server refused the change to VirtualService 'reviews' in namespace 'mesh'")
    expect((await read()).metadata.annotations?.[SNAPSHOT_ANNOTATION]).toBeUndefined()
  })

  it('set_fault and unset_fault take any fault object', async () => {
    await driver.call(actions.set_fault, { virtual_service_name: 'reviews', ns: NS, routes: v2, fault: { abort: { httpStatus: 418, percentage: { value: 50 } } } }, { strict: true })
    expect((await read()).spec.http[0]!.fault).toEqual({ abort: { httpStatus: 418, percentage: { value: 50 } } })
    await driver.call(actions.unset_fault, { virtual_service_name: 'reviews', ns: NS, routes: v2 }, { strict: true })
    expect((await read()).spec.http).toEqual(http)
  })
})

/** A loopback proxy to the API server that changes the VirtualService just before forwarding each PATCH of it. */
const startMeddlingProxy = async (apiUrl: string, token: string): Promise<Server> => {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      void (async () => {
        const headers = { authorization: `Bearer ${token}` }
        if (request.method === 'PATCH' && request.url?.includes('/virtualservices/reviews')) {
          await fetch(`${apiUrl}${request.url}`, {
            method: 'PATCH',
            headers: { ...headers, 'content-type': 'application/merge-patch+json' },
            body: JSON.stringify({ metadata: { labels: { 'changed-by': 'someone-else' } } }),
          })
        }
        const forwarded = await fetch(`${apiUrl}${request.url}`, {
          method: request.method!,
          headers: { ...headers, 'content-type': request.headers['content-type'] ?? 'application/json', accept: 'application/json' },
          ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
        })
        response.writeHead(forwarded.status, { 'content-type': forwarded.headers.get('content-type') ?? 'application/json' })
        response.end(Buffer.from(await forwarded.arrayBuffer()))
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

describe('strict mode against a concurrent writer', () => {
  it('a change between the read and the write is a 409 conflict and an error, where compatible mode overwrites', async () => {
    const proxy = await startMeddlingProxy(driver.cluster.apiUrl, driver.cluster.token)
    const kubeconfigPath = join(driver.cluster.kubeconfigPath, '..', 'meddled-kubeconfig')
    writeFileSync(kubeconfigPath, kubeconfigFor(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, driver.cluster.token))
    try {
      await expect(callActivity(actions.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '5s', routes: v2 }, { strict: true, kubeconfig: kubeconfigPath })).rejects.toThrow(
        "VirtualService 'reviews' in namespace 'mesh' was changed by someone else while the fault was being applied (409 Conflict)",
      )
      const untouched = await read()
      expect(untouched.spec.http).toEqual(http)
      expect(untouched.metadata.annotations?.[SNAPSHOT_ANNOTATION]).toBeUndefined()
      const result = (await callActivity(actions.add_delay_fault, { virtual_service_name: 'reviews', ns: NS, fixed_delay: '5s', routes: v2 }, { kubeconfig: kubeconfigPath })) as { status: number }
      expect(result.status).toBe(200)
      expect((await read()).spec.http[0]!.fault).toEqual({ delay: { fixedDelay: '5s' } })
    } finally {
      await new Promise((resolve) => proxy.close(resolve))
    }
  })
})
