// ReplicaSet → Pods: keeps `spec.replicas` active pods (a terminating pod is replaced at once) and reports status.
import type { Store } from '../store/store.js'
import type { Pod, Workload } from './kube-types.js'
import { selectorMatches } from './label-selector.js'
import { conditionOf, isOwnedBy, isPodActive, isPodAvailable, isPodReady, isTerminating } from './pod-state.js'
import type { PodWriter } from './pod-writer.js'
import type { EventRecorder } from './record-event.js'
import { startReconcileLoop, type ReconcileLoop } from './reconcile-loop.js'

const REPLICA_SETS = 'apps/replicasets'
const SOURCE = { component: 'replicaset-controller' }
const BURST = 500

export const startReplicaSetController = (store: Store, pods: PodWriter, events: EventRecorder): ReconcileLoop =>
  startReconcileLoop({
    name: 'replicaset',
    store,
    watch: [REPLICA_SETS, 'pods'],
    resyncMs: 1_000,
    reconcile: () => {
      const byNamespace = new Map<string, Pod[]>()
      for (const rs of store.list(REPLICA_SETS) as Workload[]) {
        if (isTerminating(rs)) continue
        const namespace = rs.metadata.namespace ?? ''
        if (!byNamespace.has(namespace)) byNamespace.set(namespace, store.list('pods', namespace) as Pod[])
        syncReplicaSet(store, pods, events, rs, byNamespace.get(namespace) ?? [])
      }
    },
  })

const syncReplicaSet = (store: Store, writer: PodWriter, events: EventRecorder, rs: Workload, namespacePods: Pod[]): void => {
  const owned = namespacePods.filter((pod) => isOwnedBy(pod, rs))
  const active = owned.filter(isPodActive)
  const diff = (rs.spec.replicas ?? 1) - active.length
  if (diff > 0) {
    for (let i = 0; i < Math.min(diff, BURST); i += 1) {
      const pod = writer.create(podFromTemplate(rs)) as Pod
      active.push(pod)
      events.record({ involved: rs, reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, source: SOURCE })
    }
  } else if (diff < 0) {
    for (const pod of [...active].sort(deletionOrder).slice(0, -diff)) {
      writer.deleteGracefully(pod)
      active.splice(active.indexOf(pod), 1)
      events.record({ involved: rs, reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: SOURCE })
    }
  }
  writeStatus(store, rs, active)
}

const podFromTemplate = (rs: Workload): Pod => {
  const template = structuredClone(rs.spec.template)
  const { labels, annotations } = template.metadata ?? {}
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      ...(labels ? { labels } : {}),
      ...(annotations ? { annotations } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name ?? '', uid: rs.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: template.spec,
  }
}

const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

/** The ReplicaSet controller's victim order: unscheduled, pending, not ready, recently ready, restarted, newest first. */
const deletionOrder = (a: Pod, b: Pod): number =>
  Number(!!a.spec.nodeName) - Number(!!b.spec.nodeName) ||
  (phaseRank[a.status?.phase ?? 'Pending'] ?? 0) - (phaseRank[b.status?.phase ?? 'Pending'] ?? 0) ||
  Number(isPodReady(a)) - Number(isPodReady(b)) ||
  (conditionOf(b, 'Ready')?.lastTransitionTime ?? '').localeCompare(conditionOf(a, 'Ready')?.lastTransitionTime ?? '') ||
  restarts(b) - restarts(a) ||
  (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '')

const restarts = (pod: Pod) => ((pod.status?.containerStatuses as { restartCount?: number }[] | undefined) ?? []).reduce((sum, s) => sum + (s.restartCount ?? 0), 0)

const writeStatus = (store: Store, rs: Workload, active: Pod[]): void => {
  const templateLabels = { matchLabels: rs.spec.template.metadata?.labels ?? {} }
  const minReady = rs.spec.minReadySeconds ?? 0
  const optional = {
    fullyLabeledReplicas: active.filter((pod) => selectorMatches(templateLabels, pod.metadata.labels)).length,
    readyReplicas: active.filter(isPodReady).length,
    availableReplicas: active.filter((pod) => isPodAvailable(pod, minReady)).length,
    observedGeneration: rs.metadata.generation ?? 0,
  }
  const status = {
    replicas: active.length,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== 0)),
    ...(rs.status?.conditions ? { conditions: rs.status.conditions } : {}),
  }
  const current = store.get(REPLICA_SETS, rs.metadata.namespace, rs.metadata.name ?? '')
  if (current) store.update(REPLICA_SETS, { ...current, status })
}
