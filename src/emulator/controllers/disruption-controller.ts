// PodDisruptionBudget status: how many pods are healthy, how many must be, and how many may be disrupted.
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import type { Condition, Pod, Workload } from './kube-types.js'
import { selectorMatches, type LabelSelector } from './label-selector.js'
import { controllerOf, isPodReady, isTerminating } from './pod-state.js'
import { startReconcileLoop, type ReconcileLoop } from './reconcile-loop.js'
import { resolveIntOrPercent, type IntOrPercent } from './rollout-math.js'
import { setCondition } from './set-condition.js'

const PDBS = 'policy/poddisruptionbudgets'
const DISRUPTED_POD_TTL_MS = 2 * 60_000

interface Budget extends KubeObject {
  spec: { minAvailable?: IntOrPercent; maxUnavailable?: IntOrPercent; selector?: LabelSelector }
  status?: { disruptedPods?: Record<string, string>; conditions?: Condition[]; [key: string]: unknown }
}

export const startDisruptionController = (store: Store): ReconcileLoop =>
  startReconcileLoop({
    name: 'disruption',
    store,
    watch: [PDBS, 'pods', 'apps/replicasets', 'apps/deployments'],
    resyncMs: 5_000,
    reconcile: () => {
      for (const pdb of store.list(PDBS) as Budget[]) syncBudget(store, pdb)
    },
  })

const isPercent = (value: IntOrPercent) => typeof value === 'string' && value.endsWith('%')

/** Σ `spec.replicas` of the controllers owning the pods (a Deployment's count stands for its ReplicaSets). */
const expectedFromControllers = (store: Store, pods: Pod[]): number => {
  const seen = new Map<string, number>()
  for (const pod of pods) {
    const owner = controllerOf(pod)
    if (!owner || seen.has(owner.uid)) continue
    if (owner.kind === 'ReplicaSet') {
      const rs = store.get('apps/replicasets', pod.metadata.namespace, owner.name) as Workload | undefined
      const deploymentRef = rs && controllerOf(rs)
      const deployment = deploymentRef?.kind === 'Deployment' ? (store.get('apps/deployments', pod.metadata.namespace, deploymentRef.name) as Workload | undefined) : undefined
      if (deployment) seen.set(deployment.metadata.uid ?? owner.uid, deployment.spec.replicas ?? 1)
      else if (rs) seen.set(owner.uid, rs.spec.replicas ?? 1)
    } else if (owner.kind === 'StatefulSet') {
      const set = store.get('apps/statefulsets', pod.metadata.namespace, owner.name) as Workload | undefined
      if (set) seen.set(owner.uid, set.spec.replicas ?? 1)
    }
  }
  return [...seen.values()].reduce((sum, n) => sum + n, 0)
}

/** Entries for pods still matching, not yet deleting and younger than two minutes. */
const liveDisruptions = (pdb: Budget, pods: Pod[], now: number): Record<string, string> => {
  const result: Record<string, string> = {}
  for (const [name, at] of Object.entries(pdb.status?.disruptedPods ?? {})) {
    const pod = pods.find((candidate) => candidate.metadata.name === name)
    if (pod && !isTerminating(pod) && Date.parse(at) + DISRUPTED_POD_TTL_MS > now) result[name] = at
  }
  return result
}

const syncBudget = (store: Store, pdb: Budget, now = Date.now()): void => {
  const pods = (store.list('pods', pdb.metadata.namespace) as Pod[]).filter((pod) => selectorMatches(pdb.spec.selector, pod.metadata.labels))
  const disruptedPods = liveDisruptions(pdb, pods, now)
  const currentHealthy = pods.filter((pod) => !isTerminating(pod) && !(pod.metadata.name! in disruptedPods) && isPodReady(pod)).length
  const { minAvailable, maxUnavailable } = pdb.spec
  let expectedPods = pods.length
  let desiredHealthy: number
  if (minAvailable !== undefined && !isPercent(minAvailable)) {
    desiredHealthy = resolveIntOrPercent(minAvailable, 0, true, '0')
  } else {
    expectedPods = expectedFromControllers(store, pods)
    desiredHealthy =
      minAvailable !== undefined
        ? resolveIntOrPercent(minAvailable, expectedPods, true, '0')
        : Math.max(0, expectedPods - resolveIntOrPercent(maxUnavailable ?? 0, expectedPods, true, '0'))
  }
  const disruptionsAllowed = expectedPods <= 0 ? 0 : Math.max(0, currentHealthy - desiredHealthy)
  const generation = pdb.metadata.generation ?? 1
  const conditions = setCondition(
    pdb.status?.conditions,
    disruptionsAllowed > 0 ? { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '' } : { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '' },
    'meta',
    { observedGeneration: generation },
  ).map((condition) => (condition.type === 'DisruptionAllowed' ? { ...condition, observedGeneration: generation } : condition))
  const status = {
    observedGeneration: generation,
    ...(Object.keys(disruptedPods).length ? { disruptedPods } : {}),
    disruptionsAllowed,
    currentHealthy,
    desiredHealthy,
    expectedPods,
    conditions,
  }
  store.update(PDBS, { ...pdb, status })
}
