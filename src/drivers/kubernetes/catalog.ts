import type { ActivityCatalog } from '../../experiment/activity-function.js'
import { deploymentActions } from './deployment/actions.js'
import { deploymentProbes } from './deployment/probes.js'
import { deprecatedActions, deprecatedProbes } from './deprecated-aliases.js'
import { nodeActions } from './node/actions.js'
import { nodeProbes } from './node/probes.js'
import { podActions } from './pod/actions.js'
import { podProbes } from './pod/probes.js'
import { replicaSetActions } from './replicaset/actions.js'
import { serviceActions } from './service/actions.js'
import { serviceProbes } from './service/probes.js'

/**
 * Every chaosk8s function we implement, under its module path and the paths chaosk8s re-exports it from
 * (`chaosk8s.probes.all_pods_healthy` is `chaosk8s.pod.probes.all_pods_healthy`).
 *
 * @example
 * kubernetesCatalog['chaosk8s.node.actions']!.drain_nodes
 */
export const kubernetesCatalog: ActivityCatalog = {
  'chaosk8s.pod.actions': podActions,
  'chaosk8s.pod.probes': podProbes,
  'chaosk8s.node.actions': nodeActions,
  'chaosk8s.node.probes': nodeProbes,
  'chaosk8s.deployment.actions': deploymentActions,
  'chaosk8s.deployment.probes': deploymentProbes,
  'chaosk8s.service.probes': serviceProbes,
  'chaosk8s.service.actions': serviceActions,
  'chaosk8s.replicaset.actions': replicaSetActions,
  'chaosk8s.probes': {
    all_pods_healthy: podProbes.all_pods_healthy,
    pod_is_not_available: podProbes.pod_is_not_available,
    read_pod_logs: podProbes.read_pod_logs,
    deployment_available_and_healthy: deploymentProbes.deployment_available_and_healthy,
    deployment_fully_available: deploymentProbes.deployment_fully_available,
    deployment_not_fully_available: deploymentProbes.deployment_not_fully_available,
    service_is_initialized: serviceProbes.service_is_initialized,
    ...deprecatedProbes,
  },
  'chaosk8s.actions': {
    create_deployment: deploymentActions.create_deployment,
    delete_deployment: deploymentActions.delete_deployment,
    scale_deployment: deploymentActions.scale_deployment,
    delete_pods: podActions.delete_pods,
    delete_replica_set: replicaSetActions.delete_replica_set,
    delete_service: serviceActions.delete_service,
    ...deprecatedActions,
  },
}
