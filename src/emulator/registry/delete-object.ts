// DELETE semantics: preconditions, finalizers and foreground/orphan propagation; a kind's `delete` hook replaces them.
import type { KubeObject } from '../store/kube-object.js'
import { kubeNow } from '../store/kube-time.js'
import type { Store } from '../store/store.js'
import { StoreError } from '../store/store-error.js'
import { storeKey, type ResourceDefinition } from './resource-definition.js'
import { conflict, notFound } from './status.js'

export interface DeleteOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan'
  preconditions?: { uid?: string; resourceVersion?: string }
}

export interface DeleteOutcome {
  /** The object as it is now (terminating or finalizing), or its last state when it is gone. */
  object: KubeObject
  /** True when the object left the store. */
  removed: boolean
}

const checkPreconditions = (resource: ResourceDefinition, current: KubeObject, preconditions: DeleteOptions['preconditions']) => {
  const name = current.metadata.name ?? ''
  if (preconditions?.uid && preconditions.uid !== current.metadata.uid) {
    throw conflict(resource, name, `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${current.metadata.uid}`)
  }
  if (preconditions?.resourceVersion && preconditions.resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(
      resource,
      name,
      `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`,
    )
  }
}

/** The generic path: finalizers (plus the propagation policy's own) keep the object terminating; without any it goes. */
const deleteWithFinalizers = (store: Store, key: string, current: KubeObject, options: DeleteOptions): DeleteOutcome => {
  if (current.metadata.deletionTimestamp) return { object: current, removed: false }
  const finalizers = [...(current.metadata.finalizers ?? [])]
  if (options.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion')
  if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan')
  if (finalizers.length > 0) {
    const object = store.update(key, {
      ...current,
      metadata: { ...current.metadata, finalizers, deletionTimestamp: kubeNow(), deletionGracePeriodSeconds: 0 },
    })
    return { object, removed: false }
  }
  return { object: store.remove(key, current.metadata.namespace, current.metadata.name ?? ''), removed: true }
}

/**
 * Deletes one object with kube-apiserver semantics. Objects with finalizers, and Foreground propagation, stay with
 * a deletionTimestamp until the garbage collector clears their finalizers; pods and namespaces follow their hooks.
 *
 * @example
 * deleteObject(store, findResource('apps', 'v1', 'deployments')!, 'bookinfo', 'reviews-v1', { propagationPolicy: 'Foreground' })
 */
export const deleteObject = (store: Store, resource: ResourceDefinition, namespace: string | undefined, name: string, options: DeleteOptions = {}): DeleteOutcome => {
  const key = storeKey(resource)
  const current = store.get(key, namespace, name)
  if (!current) throw notFound(resource, name)
  checkPreconditions(resource, current, options.preconditions)
  try {
    return resource.hooks?.delete ? resource.hooks.delete(store, current, options) : deleteWithFinalizers(store, key, current, options)
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'NotFound') throw notFound(resource, name)
    if (error instanceof StoreError && error.reason === 'Conflict') throw conflict(resource, name)
    throw error
  }
}
