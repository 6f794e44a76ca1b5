// The pod `status` the kubelet reports, from its container records.
import type { Condition, Pod } from '../controllers/kube-types.js'
import { setCondition } from '../controllers/set-condition.js'
import { containerStatusOf, type ContainerRecord } from './container-status.js'

const MINE = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']

export interface PodRuntimeFacts {
  hostIP: string
  podIP: string
  startTime: string
  containers: ContainerRecord[]
  /** The pod's containers have all been stopped for deletion. */
  stopped: boolean
}

const phaseOf = (pod: Pod, containers: ContainerRecord[], stopped: boolean): string => {
  const terminated = containers.map((c) => ('terminated' in c.state ? c.state.terminated : undefined))
  const allDone = terminated.every(Boolean)
  const policy = pod.spec.restartPolicy ?? 'Always'
  if (allDone && (stopped || policy !== 'Always')) {
    const failed = terminated.some((t) => t && t.exitCode !== 0)
    if (stopped || policy === 'Never' || !failed) return failed ? 'Failed' : 'Succeeded'
  }
  return containers.some((c) => 'running' in c.state || c.restartCount > 0 || 'terminated' in c.state) ? 'Running' : 'Pending'
}

export const podStatusOf = (pod: Pod, facts: PodRuntimeFacts): Record<string, unknown> => {
  const previous = pod.status?.conditions ?? []
  const unready = facts.containers.filter((c) => !c.ready).map((c) => c.name)
  const readyUpdate = unready.length
    ? { status: 'False' as const, reason: facts.stopped ? 'PodCompleted' : 'ContainersNotReady', message: facts.stopped ? undefined : `containers with unready status: [${unready.join(' ')}]` }
    : { status: 'True' as const }
  let conditions: Condition[] = previous.filter((c) => MINE.includes(c.type))
  conditions = setCondition(conditions, { type: 'PodReadyToStartContainers', status: facts.stopped ? 'False' : 'True' }, 'pod')
  conditions = setCondition(conditions, { type: 'Initialized', status: 'True', ...(facts.stopped ? { reason: 'PodCompleted' } : {}) }, 'pod')
  conditions = setCondition(conditions, { type: 'Ready', ...readyUpdate }, 'pod')
  conditions = setCondition(conditions, { type: 'ContainersReady', ...readyUpdate }, 'pod')
  conditions = setCondition(conditions, { type: 'PodScheduled', status: 'True' }, 'pod')
  const ordered = MINE.map((type) => conditions.find((c) => c.type === type)).filter((c): c is Condition => !!c)
  const others = previous.filter((c) => !MINE.includes(c.type))
  return {
    ...(pod.status?.observedGeneration !== undefined ? { observedGeneration: pod.status.observedGeneration } : {}),
    phase: phaseOf(pod, facts.containers, facts.stopped),
    conditions: [...ordered, ...others],
    hostIP: facts.hostIP,
    hostIPs: [{ ip: facts.hostIP }],
    podIP: facts.podIP,
    podIPs: [{ ip: facts.podIP }],
    startTime: facts.startTime,
    containerStatuses: facts.containers.map(containerStatusOf),
    qosClass: pod.status?.qosClass ?? 'BestEffort',
  }
}
