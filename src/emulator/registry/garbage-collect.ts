// Owner-reference garbage collection, foreground/orphan finalizers and namespace termination, as one small sweep;
// a kind's `collect` hook replaces the owner and finalizer handling for its objects.
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { deleteObject } from './delete-object.js'
import { storeKey, type Sweep } from './resource-definition.js'
import { STORED_RESOURCES } from './resource-table.js'
import { ignoreNotFound } from './status.js'

const KNOWN_KINDS = new Set(STORED_RESOURCES.map((resource) => resource.kind))

type Entry = Sweep['all'][number]

const withoutFinalizer = (object: KubeObject, finalizer: string): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, finalizers: (object.metadata.finalizers ?? []).filter((entry) => entry !== finalizer) },
})

const dependentsOf = (all: Entry[], uid: string | undefined): Entry[] =>
  all.filter(({ object }) => object.metadata.ownerReferences?.some((reference) => reference.uid === uid))

/** Every owner is a kind we serve and none of them exists any more. */
const isOrphaned = (object: KubeObject, uids: Set<string | undefined>): boolean => {
  const owners = object.metadata.ownerReferences ?? []
  return owners.some((reference) => KNOWN_KINDS.has(reference.kind)) && owners.every((reference) => KNOWN_KINDS.has(reference.kind) && !uids.has(reference.uid))
}

/** A terminating object's finalizers: orphan its dependents, or delete them first (foreground), or remove it. */
const finalize = ({ store, all }: Sweep, { resource, object }: Entry): void => {
  const { namespace, name = '', finalizers = [], uid } = object.metadata
  const key = storeKey(resource)
  if (finalizers.includes('orphan')) {
    for (const dependent of dependentsOf(all, uid)) {
      const references = dependent.object.metadata.ownerReferences?.filter((reference) => reference.uid !== uid)
      store.update(storeKey(dependent.resource), { ...dependent.object, metadata: { ...dependent.object.metadata, ownerReferences: references } })
    }
    store.update(key, withoutFinalizer(object, 'orphan'))
  } else if (finalizers.includes('foregroundDeletion')) {
    const dependents = dependentsOf(all, uid)
    for (const { resource: dependentResource, object: dependent } of dependents) {
      if (!dependent.metadata.deletionTimestamp) {
        ignoreNotFound(() => deleteObject(store, dependentResource, dependent.metadata.namespace, dependent.metadata.name ?? '', { propagationPolicy: 'Foreground' }))
      }
    }
    if (dependents.length === 0) store.update(key, withoutFinalizer(object, 'foregroundDeletion'))
  } else if (finalizers.length === 0) {
    ignoreNotFound(() => store.remove(key, namespace, name))
  }
}

/** One pass over every object; the store events its writes cause schedule the next pass. */
const sweep = (store: Store, later: (delayMs: number) => void): void => {
  const all: Entry[] = STORED_RESOURCES.flatMap((resource) => store.list(storeKey(resource)).map((object) => ({ resource, object })))
  const pass: Sweep = { store, all, later }
  const uids = new Set(all.map(({ object }) => object.metadata.uid))
  const terminatingNamespaces = new Set(store.list('namespaces').filter((namespace) => namespace.metadata.deletionTimestamp).map((namespace) => namespace.metadata.name))
  for (const entry of all) {
    const { resource, object } = entry
    const { namespace, name = '', deletionTimestamp } = object.metadata
    const hooks = resource.hooks ?? {}
    if (hooks.collect) {
      hooks.collect(object, pass)
    } else if (namespace !== undefined && terminatingNamespaces.has(namespace)) {
      if (!deletionTimestamp) ignoreNotFound(() => deleteObject(store, resource, namespace, name))
    } else if (!deletionTimestamp && isOrphaned(object, uids)) {
      ignoreNotFound(() => deleteObject(store, resource, namespace, name))
    } else if (deletionTimestamp && !hooks.removedByKubelet) {
      finalize(pass, entry)
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
