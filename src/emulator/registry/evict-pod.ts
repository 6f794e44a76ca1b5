// POST pods/<name>/eviction: the decision procedure of kube-apiserver's eviction REST handler.
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { kubeNow } from '../store/kube-time.js'
import { deleteObject, type DeleteOptions } from './delete-object.js'
import { matchesSelectorObject, type LabelSelectorObject } from './label-selector.js'
import { findResource } from './resource-table.js'
import { ApiError, badRequest, failure, notFound, success, type StatusBody } from './status.js'

const PODS = findResource('', 'v1', 'pods')!
const PDB_KEY = 'policy/poddisruptionbudgets'
const MAX_DISRUPTED_PODS = 2000

interface PdbStatus {
  observedGeneration?: number
  disruptionsAllowed?: number
  currentHealthy?: number
  desiredHealthy?: number
  disruptedPods?: Record<string, string>
  [key: string]: unknown
}

type Condition = { type: string; status: string; [key: string]: unknown }

const phaseOf = (pod: KubeObject) => (pod.status as { phase?: string } | undefined)?.phase
const conditionsOf = (pod: KubeObject) => ((pod.status as { conditions?: Condition[] } | undefined)?.conditions ?? [])
const isReady = (pod: KubeObject) => conditionsOf(pod).some((condition) => condition.type === 'Ready' && condition.status === 'True')

const tooManyRequests = (cause: string, retryAfterSeconds?: number) =>
  new ApiError(
    failure(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
      causes: [{ reason: 'DisruptionBudget', message: cause }],
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    }),
    retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : {},
  )

const markDisruptionTarget = (store: Store, pod: KubeObject): void => {
  const conditions = conditionsOf(pod).filter((condition) => condition.type !== 'DisruptionTarget')
  conditions.push({
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: kubeNow(),
    reason: 'EvictionByEvictionAPI',
    message: 'Eviction API: evicting',
  })
  store.update('pods', { ...pod, status: { ...(pod.status as object), conditions } })
}

/** Decrements the budget or refuses; the caller deletes the pod afterwards. */
const checkAndDecrement = (store: Store, pdb: KubeObject, podName: string): void => {
  const status = (pdb.status ?? {}) as PdbStatus
  const name = pdb.metadata.name ?? ''
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    throw tooManyRequests(`The disruption budget ${name} is still being processed by the server.`, 10)
  }
  const allowed = status.disruptionsAllowed ?? 0
  if (allowed < 0) throw new ApiError(failure(403, 'Forbidden', 'pdb disruptions allowed is negative'))
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_PODS) {
    throw new ApiError(failure(403, 'Forbidden', 'DisruptedPods map too big - too many evictions not confirmed by PDB controller'))
  }
  if (allowed === 0) {
    throw tooManyRequests(`The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`)
  }
  store.update(PDB_KEY, {
    ...pdb,
    status: { ...status, disruptionsAllowed: allowed - 1, disruptedPods: { ...(status.disruptedPods ?? {}), [podName]: kubeNow() } },
  })
}

/** Evicts a pod, honouring PodDisruptionBudgets; answers the bare 201 Success Status. */
export const evictPod = (store: Store, namespace: string, name: string, body: unknown): StatusBody => {
  const eviction = (body && typeof body === 'object' ? body : {}) as { metadata?: { name?: string }; deleteOptions?: DeleteOptions }
  if (eviction.metadata?.name !== undefined && eviction.metadata.name !== name) throw badRequest('name in URL does not match name in Eviction object')
  const pod = store.get('pods', namespace, name)
  if (!pod) throw notFound(PODS, name)
  const deleteOptions = eviction.deleteOptions ?? {}
  const evict = (current: KubeObject) => {
    markDisruptionTarget(store, current)
    deleteObject(store, PODS, namespace, name, deleteOptions)
    return success(undefined, 201)
  }
  const phase = phaseOf(pod)
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) {
    deleteObject(store, PODS, namespace, name, deleteOptions)
    return success(undefined, 201)
  }
  const budgets = store.list(PDB_KEY, namespace).filter((pdb) => {
    const selector = (pdb.spec as { selector?: LabelSelectorObject } | undefined)?.selector
    return selector !== undefined && selector !== null && matchesSelectorObject(selector, pod.metadata.labels)
  })
  if (budgets.length > 1) {
    throw new ApiError(failure(500, undefined, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'))
  }
  const pdb = budgets[0]
  if (!pdb) return evict(pod)
  const policy = (pdb.spec as { unhealthyPodEvictionPolicy?: string } | undefined)?.unhealthyPodEvictionPolicy
  const status = (pdb.status ?? {}) as PdbStatus
  if (!isReady(pod)) {
    if (policy === 'AlwaysAllow') return evict(pod)
    if ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0) return evict(pod)
  }
  checkAndDecrement(store, pdb, name)
  return evict(store.get('pods', namespace, name) ?? pod)
}
