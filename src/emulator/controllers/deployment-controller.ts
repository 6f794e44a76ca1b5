// Deployment → ReplicaSets: names them by pod-template-hash, rolls out template changes, reports status.
import type { Store } from '../store/store.js'
import type { Workload } from './kube-types.js'
import { deploymentStatus } from './deployment-status.js'
import { podTemplateHash } from './pod-template-hash.js'
import { isOwnedBy, isTerminating } from './pod-state.js'
import type { EventRecorder } from './record-event.js'
import { startReconcileLoop, type ReconcileLoop } from './reconcile-loop.js'
import { newReplicaSetReplicas, rollingBudget, scaleDownOld, type RollingBudget } from './rollout-math.js'

const DEPLOYMENTS = 'apps/deployments'
const REPLICA_SETS = 'apps/replicasets'
const REVISION = 'deployment.kubernetes.io/revision'
const SOURCE = { component: 'deployment-controller' }

const revisionOf = (rs: Workload) => Number(rs.metadata.annotations?.[REVISION] ?? 0)
const byAge = (a: Workload, b: Workload) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || revisionOf(a) - revisionOf(b)

export const startDeploymentController = (store: Store, events: EventRecorder): ReconcileLoop =>
  startReconcileLoop({
    name: 'deployment',
    store,
    watch: [DEPLOYMENTS, REPLICA_SETS],
    resyncMs: 5_000,
    reconcile: () => {
      for (const deployment of store.list(DEPLOYMENTS) as Workload[]) {
        if (!isTerminating(deployment)) syncDeployment(store, events, deployment)
      }
    },
  })

const syncDeployment = (store: Store, events: EventRecorder, deployment: Workload): void => {
  const namespace = deployment.metadata.namespace
  const owned = (store.list(REPLICA_SETS, namespace) as Workload[]).filter((rs) => isOwnedBy(rs, deployment))
  const desired = deployment.spec.replicas ?? 1
  const budget = rollingBudget(deployment.spec.strategy as Parameters<typeof rollingBudget>[0], desired)
  const hash = podTemplateHash(deployment.spec.template, Number(deployment.status?.collisionCount ?? 0))
  let newRs = owned.find((rs) => podTemplateHash(rs.spec.template) === podTemplateHash(deployment.spec.template))
  const old = owned.filter((rs) => rs !== newRs).sort(byAge)
  const paused = deployment.spec.paused === true
  const created = !newRs && !paused
  if (!paused) newRs ??= createReplicaSet(store, events, deployment, hash, old, budget)
  newRs ??= old.at(-1)
  if (!newRs) return
  if (!paused && (promoteRevision(store, newRs, old) || scale(store, events, deployment, newRs, old, budget))) return
  const all = (store.list(REPLICA_SETS, namespace) as Workload[]).filter((rs) => isOwnedBy(rs, deployment))
  const current = all.find((rs) => rs.metadata.uid === newRs.metadata.uid) ?? newRs
  pruneHistory(store, deployment, all.filter((rs) => rs !== current))
  writeRevisionAndStatus(store, deployment, current, all, budget, created)
}

const createReplicaSet = (store: Store, events: EventRecorder, deployment: Workload, hash: string, old: Workload[], budget: RollingBudget): Workload | undefined => {
  const name = `${deployment.metadata.name}-${hash}`
  if (store.get(REPLICA_SETS, deployment.metadata.namespace, name)) {
    const collisionCount = Number(deployment.status?.collisionCount ?? 0) + 1
    store.update(DEPLOYMENTS, { ...deployment, status: { ...deployment.status, collisionCount } }, { status: true })
    return undefined
  }
  const desired = deployment.spec.replicas ?? 1
  const replicas = newReplicaSetReplicas(desired, budget, { replicas: 0, available: 0 }, old.map(counts))
  const labels = { ...(deployment.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash }
  const revision = String(Math.max(0, ...old.map(revisionOf)) + 1)
  const template = structuredClone(deployment.spec.template)
  template.metadata = { ...template.metadata, labels }
  const rs = store.create(REPLICA_SETS, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: deployment.metadata.namespace,
      labels,
      annotations: { ...replicaAnnotations(desired, budget), [REVISION]: revision },
      ownerReferences: [ownerReference(deployment)],
    },
    spec: {
      replicas,
      ...(deployment.spec.minReadySeconds ? { minReadySeconds: deployment.spec.minReadySeconds } : {}),
      selector: {
        ...deployment.spec.selector,
        matchLabels: { ...(deployment.spec.selector?.matchLabels ?? {}), 'pod-template-hash': hash },
      },
      template,
    },
    status: { replicas: 0 },
  }) as Workload
  if (replicas > 0) events.record({ involved: deployment, reason: 'ScalingReplicaSet', message: `Scaled up replica set ${name} from 0 to ${replicas}`, source: SOURCE })
  return rs
}

const ownerReference = (deployment: Workload) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: deployment.metadata.name ?? '',
  uid: deployment.metadata.uid ?? '',
  controller: true,
  blockOwnerDeletion: true,
})

const replicaAnnotations = (desired: number, budget: RollingBudget) => ({
  'deployment.kubernetes.io/desired-replicas': String(desired),
  'deployment.kubernetes.io/max-replicas': String(desired + budget.maxSurge),
})

const counts = (rs: Workload) => ({ replicas: rs.spec.replicas ?? 0, available: Number(rs.status?.availableReplicas ?? 0) })

/** Applies one step of the strategy; true when it wrote a ReplicaSet (the next reconcile continues). */
const scale = (store: Store, events: EventRecorder, deployment: Workload, newRs: Workload, old: Workload[], budget: RollingBudget): boolean => {
  const desired = deployment.spec.replicas ?? 1
  const recreate = (deployment.spec.strategy as { type?: string } | undefined)?.type === 'Recreate'
  let wrote = false
  const oldTargets = recreate ? old.map(() => 0) : scaleDownOld(desired, budget, counts(newRs), old.map(counts))
  old.forEach((rs, i) => {
    wrote = resize(store, events, deployment, rs, oldTargets[i] ?? 0, budget) || wrote
  })
  const oldActive = old.some((rs) => Number(rs.status?.replicas ?? 0) > 0 || (rs.spec.replicas ?? 0) > 0)
  const target = recreate ? (oldActive ? 0 : desired) : newReplicaSetReplicas(desired, budget, counts(newRs), [newRs, ...old].map(counts))
  return resize(store, events, deployment, newRs, target, budget) || wrote
}

const resize = (store: Store, events: EventRecorder, deployment: Workload, rs: Workload, replicas: number, budget: RollingBudget): boolean => {
  const desired = deployment.spec.replicas ?? 1
  const annotations = { ...rs.metadata.annotations, ...replicaAnnotations(desired, budget) }
  const before = rs.spec.replicas ?? 0
  if (before === replicas && JSON.stringify(annotations) === JSON.stringify(rs.metadata.annotations)) return false
  store.update(REPLICA_SETS, { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec, replicas } })
  if (before !== replicas) {
    const verb = replicas > before ? 'up' : 'down'
    events.record({ involved: deployment, reason: 'ScalingReplicaSet', message: `Scaled ${verb} replica set ${rs.metadata.name} from ${before} to ${replicas}`, source: SOURCE })
  }
  return true
}

/** Going back to an older template reuses its ReplicaSet, which becomes the newest revision (as `rollout undo` shows). */
const promoteRevision = (store: Store, newRs: Workload, old: Workload[]): boolean => {
  const newest = Math.max(0, ...old.map(revisionOf))
  const current = revisionOf(newRs)
  if (current > newest) return false
  const history = [newRs.metadata.annotations?.['deployment.kubernetes.io/revision-history'], String(current)].filter(Boolean).join(',')
  const annotations = { ...newRs.metadata.annotations, [REVISION]: String(newest + 1), 'deployment.kubernetes.io/revision-history': history }
  store.update(REPLICA_SETS, { ...newRs, metadata: { ...newRs.metadata, annotations } })
  return true
}

/** Keeps at most `revisionHistoryLimit` old, empty ReplicaSets. */
const pruneHistory = (store: Store, deployment: Workload, old: Workload[]): void => {
  const limit = Number(deployment.spec.revisionHistoryLimit ?? 10)
  const empty = old.filter((rs) => (rs.spec.replicas ?? 0) === 0 && Number(rs.status?.replicas ?? 0) === 0).sort(byAge)
  for (const rs of empty.slice(0, Math.max(0, empty.length - limit))) store.remove(REPLICA_SETS, rs.metadata.namespace, rs.metadata.name ?? '')
}

const writeRevisionAndStatus = (store: Store, deployment: Workload, newRs: Workload, all: Workload[], budget: RollingBudget, created: boolean): void => {
  let current = deployment
  const revision = newRs.metadata.annotations?.[REVISION]
  if (revision && current.metadata.annotations?.[REVISION] !== revision) {
    current = store.update(DEPLOYMENTS, { ...current, metadata: { ...current.metadata, annotations: { ...current.metadata.annotations, [REVISION]: revision } } }, { status: true }) as Workload
  }
  const status = deploymentStatus({ deployment: current, newReplicaSet: newRs, all, maxUnavailable: budget.maxUnavailable, created })
  store.update(DEPLOYMENTS, { ...current, status }, { status: true })
}
