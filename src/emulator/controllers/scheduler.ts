// Binds pending pods to the feasible node with the fewest pods of the same owner, then the fewest pods.
import type { Store } from '../store/store.js'
import { kubeNow } from '../store/kube-time.js'
import type { Node, Pod } from './kube-types.js'
import { controllerOf, isPodFinished, isTerminating } from './pod-state.js'
import { setCondition } from './set-condition.js'
import { unschedulableMessage, whyUnfit, type UnfitReason } from './node-fit.js'
import type { EventRecorder } from './record-event.js'
import { startReconcileLoop, type ReconcileLoop } from './reconcile-loop.js'

const SCHEDULER = 'default-scheduler'

export const startScheduler = (store: Store, events: EventRecorder): ReconcileLoop =>
  startReconcileLoop({
    name: 'scheduler',
    store,
    watch: ['pods', 'nodes'],
    reconcile: () => {
      const pods = store.list('pods') as Pod[]
      const pending = pods.filter((pod) => !pod.spec.nodeName && !isTerminating(pod) && (pod.spec.schedulerName ?? SCHEDULER) === SCHEDULER)
      if (!pending.length) return
      const nodes = store.list('nodes') as Node[]
      const placed = pods.filter((pod) => pod.spec.nodeName && !isPodFinished(pod))
      for (const pod of pending) schedule(store, events, pod, nodes, placed)
    },
  })

const schedule = (store: Store, events: EventRecorder, pod: Pod, nodes: Node[], placed: Pod[]): void => {
  const reasons: UnfitReason[] = []
  const feasible = nodes.filter((node) => {
    const reason = whyUnfit(pod, node)
    if (reason) reasons.push(reason)
    return !reason
  })
  if (!feasible.length) return markUnschedulable(store, events, pod, unschedulableMessage(nodes.length, reasons))
  const owner = controllerOf(pod)?.uid
  const load = (node: Node) => placed.filter((other) => other.spec.nodeName === node.metadata.name)
  const score = (node: Node) => {
    const onNode = load(node)
    return [owner ? onNode.filter((other) => controllerOf(other)?.uid === owner).length : 0, onNode.length]
  }
  const best = feasible
    .map((node) => ({ node, score: score(node) }))
    .sort((a, b) => (a.score[0] ?? 0) - (b.score[0] ?? 0) || (a.score[1] ?? 0) - (b.score[1] ?? 0) || (a.node.metadata.name ?? '').localeCompare(b.node.metadata.name ?? ''))[0]?.node
  if (!best) return
  const nodeName = best.metadata.name ?? ''
  const conditions = setCondition(pod.status?.conditions, { type: 'PodScheduled', status: 'True' }, 'pod')
  const bound = store.update('pods', { ...pod, spec: { ...pod.spec, nodeName }, status: { ...pod.status, conditions } })
  placed.push(bound as Pod)
  events.recordScheduling(bound, 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`)
}

const markUnschedulable = (store: Store, events: EventRecorder, pod: Pod, message: string): void => {
  const current = pod.status?.conditions?.find((condition) => condition.type === 'PodScheduled')
  if (current?.status === 'False' && current.message === message) return
  const conditions = setCondition(pod.status?.conditions, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }, 'pod').map((condition) =>
    condition.type === 'PodScheduled' ? { ...condition, lastProbeTime: null, lastTransitionTime: condition.lastTransitionTime ?? kubeNow() } : condition,
  )
  store.update('pods', { ...pod, status: { ...pod.status, phase: 'Pending', conditions } })
  events.recordScheduling(pod, 'FailedScheduling', message)
}
