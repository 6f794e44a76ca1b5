// DELETE semantics: graceful pod deletion, finalizers, foreground propagation, and the kubelet's final removal.
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { StoreError } from '../store/store-error.js'
import { storeKey, type ResourceDefinition } from './resource-table.js'
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

const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

const POD_KEY = 'pods'
const isFinished = (pod: KubeObject) => ['Succeeded', 'Failed'].includes(String((pod.status as { phase?: string } | undefined)?.phase))

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

/** Writes deletionTimestamp = now (MODIFIED) then removes the object (DELETED), as a grace-0 delete does. */
const removeNow = (store: Store, key: string, current: KubeObject): DeleteOutcome => {
  let last = current
  if (current.metadata.deletionGracePeriodSeconds !== 0 && key === POD_KEY) {
    last = store.update(key, {
      ...current,
      metadata: { ...current.metadata, deletionTimestamp: rfc3339(new Date()), deletionGracePeriodSeconds: 0 },
    })
  }
  if (last.metadata.finalizers?.length) return { object: last, removed: false }
  return { object: store.remove(key, last.metadata.namespace, last.metadata.name ?? ''), removed: true }
}

const deletePod = (store: Store, current: KubeObject, options: DeleteOptions): DeleteOutcome => {
  const spec = (current.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number }
  let grace = options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30
  if (grace < 0) grace = 1
  if (!spec.nodeName || isFinished(current)) grace = 0
  const terminating = current.metadata.deletionTimestamp !== undefined
  const currentGrace = current.metadata.deletionGracePeriodSeconds
  if (terminating && (currentGrace === undefined || grace >= currentGrace)) return { object: current, removed: false }
  if (grace === 0) return removeNow(store, POD_KEY, current)
  const object = store.update(POD_KEY, {
    ...current,
    metadata: { ...current.metadata, deletionTimestamp: rfc3339(new Date(Date.now() + grace * 1000)), deletionGracePeriodSeconds: grace },
  })
  return { object, removed: false }
}

/**
 * Deletes one object with kube-apiserver semantics. Pods get graceful deletion; objects with finalizers, and
 * Foreground propagation, stay with a deletionTimestamp until the garbage collector clears their finalizers.
 */
export const deleteObject = (store: Store, resource: ResourceDefinition, namespace: string | undefined, name: string, options: DeleteOptions = {}): DeleteOutcome => {
  const key = storeKey(resource)
  const current = store.get(key, namespace, name)
  if (!current) throw notFound(resource, name)
  checkPreconditions(resource, current, options.preconditions)
  try {
    if (key === POD_KEY) return deletePod(store, current, options)
    if (current.metadata.deletionTimestamp) return { object: current, removed: false }
    const finalizers = [...(current.metadata.finalizers ?? [])]
    if (options.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion')
    if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan')
    if (resource.kind === 'Namespace') {
      const object = store.update(key, {
        ...current,
        metadata: { ...current.metadata, deletionTimestamp: rfc3339(new Date()) },
        status: { ...(current.status as object), phase: 'Terminating' },
      })
      return { object, removed: false }
    }
    if (finalizers.length > 0) {
      const object = store.update(key, {
        ...current,
        metadata: { ...current.metadata, finalizers, deletionTimestamp: rfc3339(new Date()), deletionGracePeriodSeconds: 0 },
      })
      return { object, removed: false }
    }
    return { object: store.remove(key, namespace, name), removed: true }
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'NotFound') throw notFound(resource, name)
    if (error instanceof StoreError && error.reason === 'Conflict') throw conflict(resource, name)
    throw error
  }
}

/**
 * The kubelet's last step once a terminating pod's containers have stopped: the grace-0 delete
 * (MODIFIED with deletionTimestamp = now, then DELETED). A no-op when the pod is already gone
 * or, with `uid`, has been replaced by another pod of the same name.
 *
 * @example
 * finalizePodDeletion(store, 'default', 'reviews-v1-7f99cc4496-gdxfn')
 */
export const finalizePodDeletion = (store: Store, namespace: string, name: string, uid?: string): boolean => {
  const current = store.get(POD_KEY, namespace, name)
  if (!current || (uid && current.metadata.uid !== uid)) return false
  return removeNow(store, POD_KEY, current).removed
}
