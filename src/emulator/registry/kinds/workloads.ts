// Deployments, ReplicaSets and DaemonSets: strategy and template defaults, the workload checks.
import { defaultPodTemplate } from '../default-pod-spec.js'
import type { Json, ResourceHooks } from '../resource-definition.js'
import { validateWorkload } from '../validate-workload.js'

const defaultRollingUpdate = (strategy: Json, maxUnavailable: string | number, maxSurge: string | number): void => {
  strategy.type ??= 'RollingUpdate'
  if (strategy.type !== 'RollingUpdate') return
  const rolling = (strategy.rollingUpdate ??= {}) as Json
  rolling.maxUnavailable ??= maxUnavailable
  rolling.maxSurge ??= maxSurge
}

export const DEPLOYMENT_HOOKS: ResourceHooks = {
  defaultOnCreate: (deployment) => {
    const spec = (deployment.spec ??= {}) as Json
    spec.replicas ??= 1
    defaultPodTemplate(spec)
    defaultRollingUpdate((spec.strategy ??= {}) as Json, '25%', '25%')
    spec.revisionHistoryLimit ??= 10
    spec.progressDeadlineSeconds ??= 600
    deployment.status = {}
  },
  defaultOnUpdate: defaultPodTemplate,
  validate: validateWorkload(true),
}

export const REPLICA_SET_HOOKS: ResourceHooks = {
  defaultOnCreate: (replicaSet) => {
    const spec = (replicaSet.spec ??= {}) as Json
    spec.replicas ??= 1
    defaultPodTemplate(spec)
    replicaSet.status = { replicas: 0 }
  },
  defaultOnUpdate: defaultPodTemplate,
  validate: validateWorkload(true),
}

export const DAEMON_SET_HOOKS: ResourceHooks = {
  defaultOnCreate: (daemonSet) => {
    const spec = (daemonSet.spec ??= {}) as Json
    defaultPodTemplate(spec)
    defaultRollingUpdate((spec.updateStrategy ??= {}) as Json, 1, 0)
    spec.revisionHistoryLimit ??= 10
    daemonSet.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }
  },
  defaultOnUpdate: defaultPodTemplate,
  validate: validateWorkload(false),
}
