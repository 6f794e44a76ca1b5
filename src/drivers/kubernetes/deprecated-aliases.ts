import type { ActivityFunction } from '../../experiment/activity-function.js'
import type { ActivityParams, DefinedActivity } from '../shared/define-activity.js'
import { createDeployment, scaleDeployment } from './deployment/actions.js'
import { deploymentAvailableAndHealthy, deploymentFullyAvailable, deploymentNotFullyAvailable } from './deployment/probes.js'
import { allPodsHealthy, podIsNotAvailable, readPodLogs } from './pod/probes.js'
import { deleteService } from './service/actions.js'

/** A deprecated chaosk8s wrapper: a subset of the current function's parameters (same Python names), delegating to it. */
const deprecated = <P extends ActivityParams>(
  target: DefinedActivity<P>,
  keys: readonly (keyof P & string)[],
  doc: string,
  shape: (output: unknown) => unknown = (output) => output,
): ActivityFunction => {
  const params = keys.map((key) => target.parameters[key]!)
  return {
    params: params.map((param) => param.python),
    required: params.filter((param) => param.required).map((param) => param.python),
    doc: `Deprecated. ${doc}`,
    run: async (args, context) => shape(await target.run(args, context)),
  }
}

/** chaosk8s.probes' deprecated names (the current names are re-exported there too). */
export const deprecatedProbes = {
  all_microservices_healthy: deprecated(allPodsHealthy, ['ns', 'secrets'], 'Use all_pods_healthy.'),
  microservice_available_and_healthy: deprecated(
    deploymentAvailableAndHealthy,
    ['name', 'ns', 'labelSelector', 'secrets'],
    'Use deployment_available_and_healthy; this one returns null (as chaosk8s does) and can only fail by raising.',
    () => null,
  ),
  microservice_is_not_available: deprecated(podIsNotAvailable, ['name', 'ns', 'labelSelector', 'secrets'], 'Use pod_is_not_available.'),
  deployment_is_fully_available: deprecated(deploymentFullyAvailable, ['name', 'ns', 'labelSelector', 'timeout', 'secrets'], 'Use deployment_fully_available.'),
  deployment_is_not_fully_available: deprecated(deploymentNotFullyAvailable, ['name', 'ns', 'labelSelector', 'timeout', 'secrets'], 'Use deployment_not_fully_available.'),
  read_microservices_logs: readPodLogs,
} satisfies Record<string, ActivityFunction>

/** chaosk8s.actions' deprecated names. */
export const deprecatedActions = {
  start_microservice: deprecated(createDeployment, ['specPath', 'ns', 'secrets'], 'Use create_deployment.'),
  scale_microservice: deprecated(scaleDeployment, ['name', 'replicas', 'ns', 'secrets'], 'Use scale_deployment.'),
  remove_service_endpoint: deprecated(deleteService, ['name', 'ns', 'secrets'], 'Use delete_service.'),
} satisfies Record<string, ActivityFunction>
