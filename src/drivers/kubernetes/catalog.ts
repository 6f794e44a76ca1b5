import { mergeCatalogs, type ActivityCatalog } from '../../experiment/activity-function.js'
import { catalogOf } from '../shared/catalog-of.js'
import { createDeployment, deleteDeployment, rolloutDeployment, scaleDeployment } from './deployment/actions.js'
import { deploymentAvailableAndHealthy, deploymentFullyAvailable, deploymentNotFullyAvailable, deploymentPartiallyAvailable } from './deployment/probes.js'
import * as daemonSetActions from './daemonset/actions.js'
import * as daemonSetProbes from './daemonset/probes.js'
import { deprecatedActions, deprecatedProbes } from './deprecated-aliases.js'
import { getEvents } from './event/probes.js'
import { createNamespace, deleteNamespace } from './namespace/actions.js'
import { namespaceExists } from './namespace/probes.js'
import { cordonNode, createNode, deleteNodes, drainNodes, uncordonNode } from './node/actions.js'
import { allNodesMustBeReadyToSchedule, getAllNodeStatusConditions, getNodes, nodesMustBeHealthy, verifyNodesCondition } from './node/probes.js'
import { deletePods, terminatePods } from './pod/actions.js'
import * as podProbes from './pod/probes.js'
import { deleteReplicaSet } from './replicaset/actions.js'
import { createSecret, deleteSecret } from './secret/actions.js'
import { secretExists } from './secret/probes.js'
import { createServiceEndpoint, deleteService } from './service/actions.js'
import { serviceIsInitialized } from './service/probes.js'

/**
 * Every chaosk8s function we implement, under its module path and the paths chaosk8s re-exports it from
 * (`chaosk8s.probes.all_pods_healthy` is `chaosk8s.pod.probes.all_pods_healthy`).
 *
 * @example
 * kubernetesCatalog['chaosk8s.node.actions']!.drain_nodes
 */
export const kubernetesCatalog: ActivityCatalog = mergeCatalogs(
  catalogOf([
    ...Object.values(podProbes),
    terminatePods, deletePods,
    cordonNode, uncordonNode, drainNodes, deleteNodes, createNode,
    getNodes, getAllNodeStatusConditions, allNodesMustBeReadyToSchedule, verifyNodesCondition, nodesMustBeHealthy,
    createDeployment, deleteDeployment, scaleDeployment, rolloutDeployment,
    deploymentAvailableAndHealthy, deploymentPartiallyAvailable, deploymentFullyAvailable, deploymentNotFullyAvailable,
    serviceIsInitialized, createServiceEndpoint, deleteService, deleteReplicaSet,
    createNamespace, deleteNamespace, namespaceExists,
    createSecret, deleteSecret, secretExists,
    ...Object.values(daemonSetActions), ...Object.values(daemonSetProbes),
    getEvents,
  ]),
  {
    'chaosk8s.probes': {
      all_pods_healthy: podProbes.allPodsHealthy,
      pod_is_not_available: podProbes.podIsNotAvailable,
      read_pod_logs: podProbes.readPodLogs,
      deployment_available_and_healthy: deploymentAvailableAndHealthy,
      deployment_fully_available: deploymentFullyAvailable,
      deployment_not_fully_available: deploymentNotFullyAvailable,
      service_is_initialized: serviceIsInitialized,
      ...deprecatedProbes,
    },
    'chaosk8s.actions': {
      create_deployment: createDeployment,
      delete_deployment: deleteDeployment,
      scale_deployment: scaleDeployment,
      delete_pods: deletePods,
      delete_replica_set: deleteReplicaSet,
      delete_service: deleteService,
      ...deprecatedActions,
    },
  },
)
