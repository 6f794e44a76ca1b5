// coordination.k8s.io/v1 Leases through the real @kubernetes/client-node: discovery, CRUD, list and watch.
import * as k8s from '@kubernetes/client-node'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startTestApiServer, type TestApiServer } from '../../../fixtures/apiserver/start-test-api-server.js'

const lease = (name: string, holderIdentity = name): k8s.V1Lease => ({
  metadata: { name },
  spec: { holderIdentity, leaseDurationSeconds: 40, renewTime: new Date('2026-01-01T00:00:00.000000Z') },
})

describe('coordination.k8s.io/v1 leases', () => {
  let t: TestApiServer
  afterEach(async () => t?.close())

  it('is listed in /apis and in its group-version document', async () => {
    t = await startTestApiServer()
    const groups = await t.kc.makeApiClient(k8s.ApisApi).getAPIVersions()
    expect(groups.groups.find((group) => group.name === 'coordination.k8s.io')?.preferredVersion).toEqual({ groupVersion: 'coordination.k8s.io/v1', version: 'v1' })
    const resources = await t.kc.makeApiClient(k8s.CoordinationV1Api).getAPIResources()
    expect(resources.resources).toEqual([
      { name: 'leases', singularName: '', namespaced: true, kind: 'Lease', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], storageVersionHash: 'gqkMMb/YqFM=' },
    ])
  })

  it('creates, reads, replaces, lists and deletes a Lease without a generation', async () => {
    t = await startTestApiServer()
    const api = t.kc.makeApiClient(k8s.CoordinationV1Api)
    const created = await api.createNamespacedLease({ namespace: 'default', body: lease('node-a') })
    expect([created.kind, created.apiVersion, created.metadata?.generation, created.spec?.holderIdentity]).toEqual(['Lease', 'coordination.k8s.io/v1', undefined, 'node-a'])
    const read = await api.readNamespacedLease({ namespace: 'default', name: 'node-a' })
    const replaced = await api.replaceNamespacedLease({ namespace: 'default', name: 'node-a', body: { ...read, spec: { ...read.spec, holderIdentity: 'node-b' } } })
    expect(replaced.spec?.holderIdentity).toBe('node-b')
    await api.createNamespacedLease({ namespace: 'default', body: lease('node-c') })
    expect((await api.listLeaseForAllNamespaces()).items.map((item) => item.metadata?.name)).toEqual(['node-a', 'node-c'])
    expect((await api.listNamespacedLease({ namespace: 'default', fieldSelector: 'metadata.name=node-c' })).items).toHaveLength(1)
    await api.deleteNamespacedLease({ namespace: 'default', name: 'node-a' })
    expect((await api.listNamespacedLease({ namespace: 'default' })).items.map((item) => item.metadata?.name)).toEqual(['node-c'])
  })

  it('streams ADDED and MODIFIED to a client-node Watch', async () => {
    t = await startTestApiServer()
    const api = t.kc.makeApiClient(k8s.CoordinationV1Api)
    const seen: string[] = []
    const controller = await new k8s.Watch(t.kc).watch('/apis/coordination.k8s.io/v1/namespaces/default/leases', {}, (type, object: k8s.V1Lease) => seen.push(`${type} ${object.spec?.holderIdentity}`), () => {})
    const created = await api.createNamespacedLease({ namespace: 'default', body: lease('node-a') })
    await api.replaceNamespacedLease({ namespace: 'default', name: 'node-a', body: { ...created, spec: { ...created.spec, holderIdentity: 'node-b' } } })
    await vi.waitFor(() => expect(seen).toEqual(['ADDED node-a', 'MODIFIED node-b']))
    controller.abort()
  })
})
