// Owner-reference garbage collection, foreground/orphan finalizers and namespace termination, as one small sweep.
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { deleteObject } from './delete-object.js'
import { ApiError } from './status.js'
import { RESOURCES, storeKey, type ResourceDefinition } from './resource-table.js'

// The namespace controller takes a moment; clients (kubectl, tests) see the Terminating namespace meanwhile.
const NAMESPACE_FINALIZE_DELAY_MS = 1000

const KNOWN_KINDS = new Set(RESOURCES.map((resource) => resource.kind))

const withoutFinalizer = (object: KubeObject, finalizer: string): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, finalizers: (object.metadata.finalizers ?? []).filter((entry) => entry !== finalizer) },
})

const ignoreMissing = (action: () => void) => {
  try {
    action()
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 404)) throw error
  }
}

/** One pass over every object; the store events its writes cause schedule the next pass. */
const sweep = (store: Store, later: (delayMs: number) => void): void => {
  const all: { resource: ResourceDefinition; object: KubeObject }[] = RESOURCES.flatMap((resource) =>
    store.list(storeKey(resource)).map((object) => ({ resource, object })),
  )
  const uids = new Set(all.map(({ object }) => object.metadata.uid))
  const dependentsOf = (uid: string | undefined) => all.filter(({ object }) => object.metadata.ownerReferences?.some((reference) => reference.uid === uid))
  const terminatingNamespaces = new Set(all.filter(({ resource, object }) => resource.kind === 'Namespace' && object.metadata.deletionTimestamp).map(({ object }) => object.metadata.name))

  for (const { resource, object } of all) {
    const { namespace, name = '', ownerReferences, deletionTimestamp, finalizers = [] } = object.metadata
    const key = storeKey(resource)
    if (resource.kind === 'Namespace') {
      if (!deletionTimestamp || all.some((entry) => entry.object.metadata.namespace === name)) continue
      const due = Date.parse(deletionTimestamp) + NAMESPACE_FINALIZE_DELAY_MS - Date.now()
      if (due > 0) later(due)
      else ignoreMissing(() => store.remove(key, undefined, name))
      continue
    }
    if (namespace !== undefined && terminatingNamespaces.has(namespace)) {
      if (!deletionTimestamp) ignoreMissing(() => deleteObject(store, resource, namespace, name))
      continue
    }
    const trackedOwners = ownerReferences?.filter((reference) => KNOWN_KINDS.has(reference.kind)) ?? []
    if (trackedOwners.length > 0 && !deletionTimestamp && ownerReferences!.every((reference) => KNOWN_KINDS.has(reference.kind) && !uids.has(reference.uid))) {
      ignoreMissing(() => deleteObject(store, resource, namespace, name))
      continue
    }
    if (!deletionTimestamp || resource.kind === 'Pod') continue
    if (finalizers.includes('orphan')) {
      for (const dependent of dependentsOf(object.metadata.uid)) {
        const references = dependent.object.metadata.ownerReferences?.filter((reference) => reference.uid !== object.metadata.uid)
        store.update(storeKey(dependent.resource), { ...dependent.object, metadata: { ...dependent.object.metadata, ownerReferences: references } })
      }
      store.update(key, withoutFinalizer(object, 'orphan'))
    } else if (finalizers.includes('foregroundDeletion')) {
      const dependents = dependentsOf(object.metadata.uid)
      for (const dependent of dependents) {
        if (!dependent.object.metadata.deletionTimestamp) {
          ignoreMissing(() => deleteObject(store, dependent.resource, dependent.object.metadata.namespace, dependent.object.metadata.name ?? '', { propagationPolicy: 'Foreground' }))
        }
      }
      if (dependents.length === 0) store.update(key, withoutFinalizer(object, 'foregroundDeletion'))
    } else if (finalizers.length === 0) {
      ignoreMissing(() => store.remove(key, namespace, name))
    }
  }
}

/**
 * Runs the garbage collector on every relevant store change: dependents whose owners are all gone are deleted
 * (background propagation), Foreground/Orphan deletions complete, terminating namespaces are emptied and removed.
 */
export const startGarbageCollector = (store: Store): (() => void) => {
  let scheduled: NodeJS.Immediate | undefined
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const schedule = () => {
    if (scheduled || stopped) return
    scheduled = setImmediate(() => {
      scheduled = undefined
      sweep(store, later)
    })
  }
  const later = (delayMs: number) => {
    if (timer || stopped) return
    timer = setTimeout(() => {
      timer = undefined
      schedule()
    }, delayMs + 10)
  }
  const unsubscribe = store.watch('*', {}, (event) => {
    if (event.type === 'DELETED' || event.object.metadata.deletionTimestamp) schedule()
  })
  return () => {
    stopped = true
    unsubscribe()
    if (scheduled) clearImmediate(scheduled)
    if (timer) clearTimeout(timer)
  }
}
