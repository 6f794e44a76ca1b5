// DaemonSet → one pod per eligible node (cordoned nodes included), pinned by node affinity.
import type { Store } from '../store/store.js'
import type { Node, Pod, Toleration, Workload } from './kube-types.js'
import { podTemplateHash } from './pod-template-hash.js'
import { isOwnedBy, isPodAvailable, isPodFinished, isPodReady, isTerminating } from './pod-state.js'
import type { PodWriter } from './pod-writer.js'
import { whyUnfit } from './node-fit.js'
import type { EventRecorder } from './record-event.js'
import { startReconcileLoop, type ReconcileLoop } from './reconcile-loop.js'

const DAEMON_SETS = 'apps/daemonsets'
const SOURCE = { component: 'daemonset-controller' }

/** Tolerations the DaemonSet controller adds to every daemon pod. */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
]

export const startDaemonSetController = (store: Store, pods: PodWriter, events: EventRecorder): ReconcileLoop =>
  startReconcileLoop({
    name: 'daemonset',
    store,
    watch: [DAEMON_SETS, 'pods', 'nodes'],
    reconcile: () => {
      const nodes = store.list('nodes') as Node[]
      for (const ds of store.list(DAEMON_SETS) as Workload[]) {
        if (!isTerminating(ds)) syncDaemonSet(store, pods, events, ds, nodes)
      }
    },
  })

const daemonPod = (ds: Workload, nodeName: string, hash: string): Pod => {
  const template = structuredClone(ds.spec.template)
  const tolerations = [...(template.spec.tolerations ?? [])]
  for (const toleration of DAEMON_TOLERATIONS) {
    if (!tolerations.some((t) => t.key === toleration.key && t.effect === toleration.effect)) tolerations.push(toleration)
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
      ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name ?? '', uid: ds.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      ...template.spec,
      tolerations,
      affinity: {
        ...(template.spec.affinity ?? {}),
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] },
        },
      },
    },
  }
}

const syncDaemonSet = (store: Store, writer: PodWriter, events: EventRecorder, ds: Workload, nodes: Node[]): void => {
  const owned = (store.list('pods', ds.metadata.namespace) as Pod[]).filter((pod) => isOwnedBy(pod, ds) && !isPodFinished(pod))
  const hash = podTemplateHash(ds.spec.template)
  const probe = (nodeName: string) => daemonPod(ds, nodeName, hash)
  const eligible = nodes.filter((node) => !whyUnfit(probe(node.metadata.name ?? ''), { ...node, spec: { ...node.spec, unschedulable: false } }))
  const podsOn = (name: string | undefined) => owned.filter((pod) => podNode(pod) === name)
  let desired = 0
  for (const node of eligible) {
    desired += 1
    if (podsOn(node.metadata.name).length === 0) {
      const pod = writer.create(probe(node.metadata.name ?? '')) as Pod
      owned.push(pod)
      events.record({ involved: ds, reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, source: SOURCE })
    }
  }
  const misscheduled = owned.filter((pod) => !eligible.some((node) => node.metadata.name === podNode(pod)))
  for (const pod of misscheduled.filter((pod) => !isTerminating(pod))) {
    writer.deleteGracefully(pod)
    events.record({ involved: ds, reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: SOURCE })
  }
  const live = owned.filter((pod) => !isTerminating(pod) && eligible.some((node) => node.metadata.name === podNode(pod)))
  rollOnePod(writer, events, ds, owned, live, hash)
  const scheduled = live.filter((pod) => pod.spec.nodeName)
  const available = live.filter((pod) => isPodAvailable(pod, ds.spec.minReadySeconds ?? 0)).length
  const status = {
    currentNumberScheduled: scheduled.length,
    numberMisscheduled: misscheduled.filter((pod) => pod.spec.nodeName).length,
    desiredNumberScheduled: desired,
    numberReady: live.filter(isPodReady).length,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: scheduled.filter((pod) => pod.metadata.labels?.['controller-revision-hash'] === hash).length,
    ...(available ? { numberAvailable: available } : {}),
    ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
  }
  const current = store.get(DAEMON_SETS, ds.metadata.namespace, ds.metadata.name ?? '')
  if (current) store.update(DAEMON_SETS, { ...current, status })
}

/** The node a daemon pod is bound or pinned to. */
const podNode = (pod: Pod): string | undefined =>
  pod.spec.nodeName ?? pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]?.values?.[0]

/** RollingUpdate with maxUnavailable 1: replace one outdated pod at a time, only while every other pod is ready. */
const rollOnePod = (writer: PodWriter, events: EventRecorder, ds: Workload, owned: Pod[], live: Pod[], hash: string): void => {
  if ((ds.spec.updateStrategy as { type?: string } | undefined)?.type === 'OnDelete') return
  const outdated = live.filter((pod) => pod.metadata.labels?.['controller-revision-hash'] !== hash)
  if (!outdated.length || owned.some(isTerminating) || !live.every(isPodReady)) return
  const [victim] = outdated
  if (!victim) return
  writer.deleteGracefully(victim)
  events.record({ involved: ds, reason: 'SuccessfulDelete', message: `Deleted pod: ${victim.metadata.name}`, source: SOURCE })
}
