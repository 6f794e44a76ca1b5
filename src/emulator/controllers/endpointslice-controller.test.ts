// The EndpointSlice controller against a real Store: what kube-controller-manager 1.32 writes for a Service's pods.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { KubeObject } from '../store/kube-object.js'
import { Store } from '../store/store.js'
import { ENDPOINT_SLICES, startEndpointSliceController } from './endpointslice-controller.js'
import type { ReconcileLoop } from './reconcile-loop.js'

type Slice = KubeObject & { addressType: string; endpoints: Record<string, unknown>[] | null; ports: Record<string, unknown>[] | null }

const service = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { app: name } }, spec })

const pod = (name: string, ip: string, options: { ready?: boolean; labels?: Record<string, string>; port?: { name: string; containerPort: number } } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: options.labels ?? { app: 'web' } },
  spec: { nodeName: 'chaos-worker', containers: [{ name: 'app', image: 'web', ...(options.port ? { ports: [options.port] } : {}) }] },
  status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }] },
})

let loop: ReconcileLoop | undefined
afterEach(() => loop?.stop())

const start = (...objects: [string, KubeObject][]) => {
  const store = new Store()
  store.create('nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'chaos-worker', labels: { 'topology.kubernetes.io/zone': 'zone-a' } } })
  for (const [key, object] of objects) store.create(key, object)
  loop = startEndpointSliceController(store)
  return store
}

const slicesOf = (store: Store, name: string) => (store.list(ENDPOINT_SLICES, 'default') as Slice[]).filter((slice) => slice.metadata.labels?.['kubernetes.io/service-name'] === name)

const settled = async (store: Store, name: string, check: (slices: Slice[]) => boolean): Promise<Slice[]> =>
  vi.waitFor(() => {
    const slices = slicesOf(store, name)
    if (!check(slices)) throw new Error(`slices of ${name}: ${JSON.stringify(slices)}`)
    return slices
  })

describe('EndpointSlice controller', () => {
  it('writes one IPv4 slice per Service with the real labels, owner, ports and readiness conditions', async () => {
    const store = start(['services', service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] })], ['pods', pod('web-1', '10.244.1.11')], ['pods', pod('web-2', '10.244.2.6', { ready: false })])
    const [slice] = await settled(store, 'web', (slices) => slices[0]?.endpoints?.length === 2)
    const owner = store.get('services', 'default', 'web')!
    expect(slice!.metadata).toMatchObject({
      generateName: 'web-',
      generation: 1,
      labels: { app: 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }],
    })
    expect(slice!.metadata.name).toMatch(/^web-[a-z0-9]{5}$/)
    expect(slice!.addressType).toBe('IPv4')
    expect(slice!.ports).toEqual([{ name: '', protocol: 'TCP', port: 8080 }])
    const uidOf = (name: string) => store.get('pods', 'default', name)!.metadata.uid
    expect(slice!.endpoints).toEqual([
      { addresses: ['10.244.1.11'], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: uidOf('web-1') }, nodeName: 'chaos-worker', zone: 'zone-a' },
      { addresses: ['10.244.2.6'], conditions: { ready: false, serving: false, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-2', uid: uidOf('web-2') }, nodeName: 'chaos-worker', zone: 'zone-a' },
    ])
  })

  it('keeps a terminating pod as serving but not ready, drops finished pods, and bumps the generation', async () => {
    const store = start(['services', service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] })], ['pods', pod('web-1', '10.244.1.11')], ['pods', pod('web-2', '10.244.2.6')])
    const [first] = await settled(store, 'web', (slices) => slices[0]?.endpoints?.length === 2)
    const terminating = store.get('pods', 'default', 'web-1')!
    store.update('pods', { ...terminating, metadata: { ...terminating.metadata, deletionTimestamp: new Date().toISOString() } })
    const finished = store.get('pods', 'default', 'web-2')!
    store.update('pods', { ...finished, status: { ...(finished.status as object), phase: 'Succeeded' } })
    const [slice] = await settled(store, 'web', (slices) => slices[0]?.endpoints?.length === 1 && (slices[0].endpoints[0]!.conditions as { terminating: boolean }).terminating)
    expect(slice!.metadata.name).toBe(first!.metadata.name)
    expect(slice!.metadata.generation).toBeGreaterThan(1)
    expect(slice!.endpoints![0]!.conditions).toEqual({ ready: false, serving: true, terminating: true })
    expect(slice!.ports).toEqual([{ name: 'http', protocol: 'TCP', port: 80 }])
  })

  it('holds one placeholder slice with no endpoints and no ports while no pod matches', async () => {
    const store = start(['services', service('empty', { selector: { app: 'none' }, ports: [{ port: 80 }] })])
    const [slice] = await settled(store, 'empty', (slices) => slices.length === 1)
    expect(slice).toMatchObject({ addressType: 'IPv4', endpoints: null, ports: null })
  })

  it('splits pods that resolve a named targetPort differently into one slice per port set', async () => {
    const store = start(
      ['services', service('named', { selector: { app: 'named' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }] })],
      ['pods', pod('a', '10.0.0.1', { labels: { app: 'named' }, port: { name: 'http', containerPort: 8080 } })],
      ['pods', pod('b', '10.0.0.2', { labels: { app: 'named' }, port: { name: 'http', containerPort: 9090 } })],
    )
    const slices = await settled(store, 'named', (found) => found.length === 2)
    expect(slices.map((slice) => [slice.ports?.[0]?.port, slice.endpoints?.[0]?.addresses]).sort()).toEqual([[8080, ['10.0.0.1']], [9090, ['10.0.0.2']]])
  })

  it('writes no slices for a Service without a selector, and removes a deleted Service\'s slices', async () => {
    const store = start(['services', service('manual', { ports: [{ port: 80 }] })], ['services', service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] })], ['pods', pod('web-1', '10.244.1.11')])
    await settled(store, 'web', (slices) => slices.length === 1)
    expect(slicesOf(store, 'manual')).toEqual([])
    store.remove('services', 'default', 'web')
    await settled(store, 'web', (slices) => slices.length === 0)
  })
})
