import { afterEach, describe, expect, it } from 'vitest'
import type { KubeObject } from '../store/kube-object.js'
import { Store } from '../store/store.js'
import { deleteObject } from './delete-object.js'
import { startGarbageCollector } from './garbage-collect.js'
import { findResource, findResourceOfKind, STORED_RESOURCES } from './resource-table.js'
import { ApiError } from './status.js'
import { createObject } from './write-objects.js'

const NAMESPACES = findResource('', 'v1', 'namespaces')!
const SERVICES = findResource('', 'v1', 'services')!
const CONFIG_MAPS = findResource('', 'v1', 'configmaps')!
const SECRETS = findResource('', 'v1', 'secrets')!
const PODS = findResource('', 'v1', 'pods')!
const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!

const object = (kind: string, name: string, namespace: string | undefined, rest: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}) },
  ...rest,
})

const storeWithNamespace = (name = 'default'): Store => {
  const store = new Store()
  createObject(store, NAMESPACES, object('Namespace', name, undefined))
  return store
}

/** The Status a registry call refused with. */
const refusal = (action: () => unknown) => {
  try {
    action()
  } catch (error) {
    if (error instanceof ApiError) return error.status
    throw error
  }
  throw new Error('expected an ApiError, the call succeeded')
}

let stopCollector: (() => void) | undefined
afterEach(() => stopCollector?.())

describe('resource hooks', () => {
  it('stores each kind under one resource, so kind lookups are table lookups', () => {
    const kinds = STORED_RESOURCES.map((resource) => resource.kind)
    expect(new Set(kinds).size).toBe(kinds.length)
    expect(findResourceOfKind('Pod')).toBe(PODS)
  })

  it("runs a kind's create defaults and stores a kind without hooks as sent", () => {
    const store = storeWithNamespace()
    const service = createObject(store, SERVICES, object('Service', 'web', 'default', { spec: { ports: [{ port: 80 }] } }))
    expect(service.spec).toMatchObject({ type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] })
    const configMap = createObject(store, CONFIG_MAPS, object('ConfigMap', 'settings', 'default', { data: { a: '1' } }))
    expect(Object.keys(configMap).sort()).toEqual(['apiVersion', 'data', 'kind', 'metadata'])
  })

  it("checks names with the kind's format: DNS-1035 for Services, RFC 1123 labels for namespaces, subdomains otherwise", () => {
    const store = storeWithNamespace()
    expect(refusal(() => createObject(store, SERVICES, object('Service', 'web.v1', 'default', { spec: { ports: [{ port: 80 }] } }))).message).toContain('a DNS-1035 label must consist')
    expect(refusal(() => createObject(store, NAMESPACES, object('Namespace', 'team.a', undefined))).message).toContain('a lowercase RFC 1123 label must consist')
    expect(createObject(store, CONFIG_MAPS, object('ConfigMap', 'web.v1', 'default')).metadata.name).toBe('web.v1')
  })

  it("reports a kind's own field errors after the name's, in kube-apiserver's order", () => {
    const store = storeWithNamespace()
    const status = refusal(() => createObject(store, DEPLOYMENTS, object('Deployment', 'Bad_Name', 'default', { spec: { replicas: -1, template: { spec: {} } } })))
    expect(status.code).toBe(422)
    expect(status.details?.causes?.map((cause) => cause.field)).toEqual(['metadata.name', 'spec.replicas', 'spec.selector', 'spec.template.spec.containers'])
  })

  it('deletes through the kind hooks: a bound pod terminates gracefully, a namespace goes Terminating, a ConfigMap goes at once', () => {
    const store = storeWithNamespace()
    const pod = { spec: { nodeName: 'worker', containers: [{ name: 'web', image: 'nginx' }] } }
    createObject(store, PODS, object('Pod', 'web', 'default', pod))
    const terminating = deleteObject(store, PODS, 'default', 'web', { gracePeriodSeconds: 20 })
    expect([terminating.removed, terminating.object.metadata.deletionGracePeriodSeconds]).toEqual([false, 20])
    expect(PODS.hooks?.deleteAnswersObject).toBe(true)

    createObject(store, CONFIG_MAPS, object('ConfigMap', 'settings', 'default'))
    expect(deleteObject(store, CONFIG_MAPS, 'default', 'settings').removed).toBe(true)

    const namespace = deleteObject(store, NAMESPACES, undefined, 'default')
    expect([namespace.removed, (namespace.object.status as { phase?: string }).phase]).toEqual([false, 'Terminating'])
  })

  it('collects dependents of a deleted owner, then empties and removes a terminating namespace', async () => {
    const store = storeWithNamespace('team')
    stopCollector = startGarbageCollector(store)
    const owner = createObject(store, SECRETS, object('Secret', 'owner', 'team'))
    const ownerReferences = [{ apiVersion: 'v1', kind: 'Secret', name: 'owner', uid: owner.metadata.uid! }]
    createObject(store, CONFIG_MAPS, object('ConfigMap', 'dependent', 'team', { metadata: { name: 'dependent', namespace: 'team', ownerReferences } }))
    createObject(store, CONFIG_MAPS, object('ConfigMap', 'unowned', 'team'))

    deleteObject(store, SECRETS, 'team', 'owner')
    await expect.poll(() => store.get('configmaps', 'team', 'dependent'), { timeout: 15_000 }).toBeUndefined()
    expect(store.get('configmaps', 'team', 'unowned')).toBeDefined()

    deleteObject(store, NAMESPACES, undefined, 'team')
    await expect.poll(() => store.list('configmaps', 'team').length, { timeout: 15_000 }).toBe(0)
    await expect.poll(() => store.get('namespaces', undefined, 'team'), { timeout: 15_000 }).toBeUndefined()
  })
})
