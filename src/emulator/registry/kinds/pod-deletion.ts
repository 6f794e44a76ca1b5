// Graceful pod deletion: DELETE marks the pod terminating; the kubelet removes it once its containers stopped.
import type { KubeObject } from '../../store/kube-object.js'
import type { Store } from '../../store/store.js'
import type { DeleteOptions, DeleteOutcome } from '../delete-object.js'
import { kubeNow } from '../../store/kube-time.js'

const POD_KEY = 'pods'

const isFinished = (pod: KubeObject) => ['Succeeded', 'Failed'].includes(String((pod.status as { phase?: string } | undefined)?.phase))

/** Writes deletionTimestamp = now (MODIFIED) then removes the pod (DELETED), as a grace-0 delete does. */
const removeNow = (store: Store, current: KubeObject): DeleteOutcome => {
  let last = current
  if (current.metadata.deletionGracePeriodSeconds !== 0) {
    last = store.update(POD_KEY, {
      ...current,
      metadata: { ...current.metadata, deletionTimestamp: kubeNow(), deletionGracePeriodSeconds: 0 },
    })
  }
  if (last.metadata.finalizers?.length) return { object: last, removed: false }
  return { object: store.remove(POD_KEY, last.metadata.namespace, last.metadata.name ?? ''), removed: true }
}

/** The pods' `delete` hook: the grace period from the options or the spec; unbound and finished pods go at once. */
export const deletePod = (store: Store, current: KubeObject, options: DeleteOptions): DeleteOutcome => {
  const spec = (current.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number }
  let grace = options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30
  if (grace < 0) grace = 1
  if (!spec.nodeName || isFinished(current)) grace = 0
  const terminating = current.metadata.deletionTimestamp !== undefined
  const currentGrace = current.metadata.deletionGracePeriodSeconds
  if (terminating && (currentGrace === undefined || grace >= currentGrace)) return { object: current, removed: false }
  if (grace === 0) return removeNow(store, current)
  const object = store.update(POD_KEY, {
    ...current,
    metadata: { ...current.metadata, deletionTimestamp: kubeNow(Date.now() + grace * 1000), deletionGracePeriodSeconds: grace },
  })
  return { object, removed: false }
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
  return removeNow(store, current).removed
}
