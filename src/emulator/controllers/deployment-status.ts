// Deployment status and its Available / Progressing conditions, computed from its ReplicaSets.
import { kubeNow } from '../store/kube-time.js'
import type { Condition, Workload } from './kube-types.js'
import { setCondition } from './set-condition.js'

const count = (rs: Workload, field: string): number => Number(rs.status?.[field] ?? 0)
const omitZero = (fields: Record<string, number>) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== 0))

export interface DeploymentStatusInput {
  deployment: Workload
  newReplicaSet: Workload
  all: Workload[]
  maxUnavailable: number
  /** The controller created the new ReplicaSet during this sync. */
  created: boolean
  now?: number
}

/** The next `status`, with the conditions' times kept when nothing changed. */
export const deploymentStatus = ({ deployment, newReplicaSet, all, maxUnavailable, created, now = Date.now() }: DeploymentStatusInput): Record<string, unknown> => {
  const desired = deployment.spec.replicas ?? 1
  const previous = deployment.status ?? {}
  const sum = (field: string) => all.reduce((total, rs) => total + count(rs, field), 0)
  const specTotal = all.reduce((total, rs) => total + (rs.spec.replicas ?? 0), 0)
  const counts = {
    replicas: sum('replicas'),
    updatedReplicas: count(newReplicaSet, 'replicas'),
    readyReplicas: sum('readyReplicas'),
    availableReplicas: sum('availableReplicas'),
  }
  const unavailableReplicas = Math.max(0, specTotal - counts.availableReplicas)
  let conditions = (previous.conditions as Condition[] | undefined) ?? []
  conditions = setCondition(
    conditions,
    counts.availableReplicas >= desired - maxUnavailable
      ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
      : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
    'deployment',
  )
  conditions =
    deployment.spec.paused === true
      ? setCondition(conditions, { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' }, 'deployment')
      : progressing(deployment, newReplicaSet.metadata.name ?? '', conditions, counts, desired, created, now)
  const ordered = [...conditions.filter((c) => c.type === 'Available'), ...conditions.filter((c) => c.type !== 'Available')]
  return {
    observedGeneration: deployment.metadata.generation,
    ...omitZero({ ...counts, unavailableReplicas }),
    conditions: ordered,
    ...(previous.collisionCount !== undefined ? { collisionCount: previous.collisionCount } : {}),
  }
}

const progressing = (deployment: Workload, rsName: string, conditions: Condition[], counts: Record<string, number>, desired: number, created: boolean, now: number): Condition[] => {
  const previous = deployment.status ?? {}
  const complete = counts.updatedReplicas === desired && counts.replicas === desired && counts.availableReplicas === desired
  const current = conditions.find((condition) => condition.type === 'Progressing')
  if (complete) {
    return setCondition(conditions, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` }, 'deployment')
  }
  if (created) {
    return setCondition(conditions, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${rsName}"` }, 'deployment')
  }
  const grew = ['updatedReplicas', 'readyReplicas', 'availableReplicas'].some((field) => (counts[field] ?? 0) > Number(previous[field] ?? 0))
  if (grew || (current?.reason === 'NewReplicaSetAvailable' && counts.updatedReplicas !== desired)) {
    const updated = setCondition(conditions, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` }, 'deployment')
    return updated.map((c) => (c.type === 'Progressing' && grew ? { ...c, lastUpdateTime: kubeNow(now) } : c))
  }
  const deadline = Number(deployment.spec.progressDeadlineSeconds ?? 600)
  if (current?.status === 'True' && current.reason !== 'NewReplicaSetAvailable' && Date.parse(current.lastUpdateTime ?? '') + deadline * 1000 < now) {
    return setCondition(conditions, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` }, 'deployment')
  }
  return conditions
}
