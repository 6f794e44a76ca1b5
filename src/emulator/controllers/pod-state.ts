// Readiness and liveness questions every controller asks about a pod.
import type { KubeObject } from '../store/kube-object.js'
import type { Condition, Pod } from './kube-types.js'

export const conditionOf = (object: { status?: { conditions?: Condition[] } }, type: string): Condition | undefined =>
  object.status?.conditions?.find((condition) => condition.type === type)

export const isPodReady = (pod: Pod): boolean => conditionOf(pod, 'Ready')?.status === 'True'

export const isPodFinished = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'

export const isTerminating = (object: KubeObject): boolean => !!object.metadata.deletionTimestamp

/** What a ReplicaSet counts: not finished and not being deleted. */
export const isPodActive = (pod: Pod): boolean => !isPodFinished(pod) && !isTerminating(pod)

/** Ready for at least `minReadySeconds`. */
export const isPodAvailable = (pod: Pod, minReadySeconds = 0, now = Date.now()): boolean => {
  const ready = conditionOf(pod, 'Ready')
  if (ready?.status !== 'True') return false
  if (minReadySeconds <= 0) return true
  const since = Date.parse(ready.lastTransitionTime ?? '')
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= now
}

export const controllerOf = (object: KubeObject) => object.metadata.ownerReferences?.find((reference) => reference.controller)

export const isOwnedBy = (object: KubeObject, owner: KubeObject): boolean => controllerOf(object)?.uid === owner.metadata.uid
