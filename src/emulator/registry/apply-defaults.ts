// Defaulting and admission, per kind through its resource's hooks, as the recordings show them.
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import type { Json, ResourceDefinition } from './resource-definition.js'
import { findResourceOfKind } from './resource-table.js'

/**
 * Fills the defaults kube-apiserver's registry and admission plugins add on create (mutates `object`).
 * Controllers that write to the Store directly call this too, so their objects look like real ones.
 *
 * @example
 * applyCreateDefaults(pod, store) // pod.spec.restartPolicy === 'Always', pod.status.phase === 'Pending'
 */
export const applyCreateDefaults = (object: KubeObject, store: Store): void => {
  findResourceOfKind(object.kind)?.hooks?.defaultOnCreate?.(object, store)
}

/** Defaults that are re-applied on every update (a merge patch that drops a list gets it defaulted again). */
export const applyUpdateDefaults = (resource: ResourceDefinition, object: KubeObject): void => {
  const spec = object.spec as Json | undefined
  if (!spec || typeof spec !== 'object') return
  resource.hooks?.defaultOnUpdate?.(spec)
}

/**
 * Stores a copy of `object` under `key` the way `POST` would, admission defaults first: how the cluster's own
 * actors (controllers, the topology) create objects in-process.
 *
 * @example
 * createWithDefaults(store, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookinfo' } })
 */
export const createWithDefaults = (store: Store, key: string, object: KubeObject): KubeObject => {
  const copy = structuredClone(object)
  applyCreateDefaults(copy, store)
  return store.create(key, copy)
}
