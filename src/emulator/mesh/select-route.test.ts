import { afterEach, describe, expect, it, vi } from 'vitest'
import { Store } from '../store/store.js'
import { ClusterView } from './cluster-view.js'
import type { MeshRequest } from './mesh-request.js'
import { qualifyHost, resolveServiceHost } from './resolve-host.js'
import { findGatewayVirtualServices, findMeshVirtualService, selectRoute } from './select-route.js'

const VS = 'networking.istio.io/virtualservices'
const virtualService = (name: string, namespace: string, spec: object, created = '2026-01-01T00:00:00Z') => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name, namespace, creationTimestamp: created },
  spec,
})
const request: MeshRequest = { method: 'GET', scheme: 'http', authority: 'x', path: '/productpage', query: new URLSearchParams(), headers: {} }

const withTimestamp = (store: Store, object: ReturnType<typeof virtualService>) => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(object.metadata.creationTimestamp) })
  store.create(VS, object)
  vi.useRealTimers()
}

afterEach(() => {
  vi.useRealTimers()
})

describe('host resolution', () => {
  it('qualifies short names with the rule namespace', () => {
    expect(qualifyHost('reviews', 'bookinfo')).toBe('reviews.bookinfo.svc.cluster.local')
    expect(qualifyHost('reviews.other', 'bookinfo')).toBe('reviews.other.svc.cluster.local')
    expect(qualifyHost('reviews.other.svc', 'bookinfo')).toBe('reviews.other.svc.cluster.local')
    expect(qualifyHost('*', 'bookinfo')).toBe('*')
  })

  it('resolves service host names as cluster DNS does, relative to the caller namespace', () => {
    const store = new Store()
    store.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'reviews', namespace: 'bookinfo' }, spec: {} })
    const view = new ClusterView(store)
    expect(resolveServiceHost(view, 'reviews', 'bookinfo')?.fqdn).toBe('reviews.bookinfo.svc.cluster.local')
    expect(resolveServiceHost(view, 'reviews.bookinfo.svc.cluster.local', 'default')?.fqdn).toBe('reviews.bookinfo.svc.cluster.local')
    expect(resolveServiceHost(view, 'reviews', 'default')).toBeUndefined()
    expect(resolveServiceHost(view, 'example.com', 'bookinfo')).toBeUndefined()
    view.close()
  })
})

describe('VirtualService selection', () => {
  it('picks the mesh-bound VirtualService for a host; with duplicates the oldest wins; gateway-only ones are ignored', () => {
    const store = new Store()
    withTimestamp(store, virtualService('newer', 'bookinfo', { hosts: ['reviews'], http: [{ name: 'newer' }] }, '2026-02-01T00:00:00Z'))
    withTimestamp(store, virtualService('older', 'bookinfo', { hosts: ['reviews.bookinfo.svc.cluster.local'], http: [{ name: 'older' }] }, '2026-01-01T00:00:00Z'))
    withTimestamp(store, virtualService('edge', 'bookinfo', { hosts: ['reviews'], gateways: ['bookinfo-gateway'], http: [] }, '2025-01-01T00:00:00Z'))
    const view = new ClusterView(store)
    expect(findMeshVirtualService(view, 'reviews.bookinfo.svc.cluster.local')?.metadata.name).toBe('older')
    expect(findMeshVirtualService(view, 'reviews.default.svc.cluster.local')).toBeUndefined()
    store.remove(VS, 'bookinfo', 'older')
    expect(findMeshVirtualService(view, 'reviews.bookinfo.svc.cluster.local')?.metadata.name).toBe('newer')
    view.close()
  })

  it('finds gateway-bound VirtualServices by qualified gateway and host, and takes the first matching route', () => {
    const store = new Store()
    store.create(VS, virtualService('bookinfo', 'bookinfo', { hosts: ['*'], gateways: ['bookinfo-gateway'], http: [{ match: [{ uri: { prefix: '/api' } }], name: 'api' }, { match: [{ uri: { exact: '/productpage' } }], name: 'page' }] }))
    const view = new ClusterView(store)
    const found = findGatewayVirtualServices(view, 'bookinfo/bookinfo-gateway', 'anything.example')
    expect(found.map((object) => object.metadata.name)).toEqual(['bookinfo'])
    expect(findGatewayVirtualServices(view, 'other/bookinfo-gateway', 'x')).toEqual([])
    const source = { namespace: 'istio-system', labels: {}, gateway: 'bookinfo/bookinfo-gateway' }
    expect(selectRoute(found, request, source)).toMatchObject({ route: { name: 'page' }, ruleNamespace: 'bookinfo', virtualService: 'bookinfo/bookinfo' })
    expect(selectRoute(found, { ...request, path: '/' }, source)).toBeUndefined()
    view.close()
  })
})
