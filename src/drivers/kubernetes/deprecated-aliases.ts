import type { ActivityFunction } from '../../experiment/activity-function.js'
import { deploymentActions } from './deployment/actions.js'
import { deploymentProbes } from './deployment/probes.js'
import { podProbes } from './pod/probes.js'
import { serviceActions } from './service/actions.js'

/** A deprecated chaosk8s wrapper: its own signature, delegating to the current function. */
const wrap = (
  target: ActivityFunction,
  params: readonly string[],
  required: readonly string[],
  doc: string,
  shape: (output: unknown) => unknown = (output) => output,
): ActivityFunction => ({
  params,
  required,
  doc: `Deprecated. ${doc}`,
  run: async (args, context) => shape(await target.run(args, context)),
})

/** chaosk8s.probes' deprecated names (the current names are re-exported there too). */
export const deprecatedProbes = {
  all_microservices_healthy: wrap(podProbes.all_pods_healthy, ['ns', 'secrets'], [], 'Use all_pods_healthy.'),
  microservice_available_and_healthy: wrap(
    deploymentProbes.deployment_available_and_healthy,
    ['name', 'ns', 'label_selector', 'secrets'],
    ['name'],
    'Use deployment_available_and_healthy; this one returns null (as chaosk8s does) and can only fail by raising.',
    () => null,
  ),
  microservice_is_not_available: wrap(podProbes.pod_is_not_available, ['name', 'ns', 'label_selector', 'secrets'], ['name'], 'Use pod_is_not_available.'),
  deployment_is_fully_available: wrap(deploymentProbes.deployment_fully_available, ['name', 'ns', 'label_selector', 'timeout', 'secrets'], ['name'], 'Use deployment_fully_available.'),
  deployment_is_not_fully_available: wrap(deploymentProbes.deployment_not_fully_available, ['name', 'ns', 'label_selector', 'timeout', 'secrets'], ['name'], 'Use deployment_not_fully_available.'),
  read_microservices_logs: podProbes.read_pod_logs,
} satisfies Record<string, ActivityFunction>

/** chaosk8s.actions' deprecated names. */
export const deprecatedActions = {
  start_microservice: wrap(deploymentActions.create_deployment, ['spec_path', 'ns', 'secrets'], ['spec_path'], 'Use create_deployment.'),
  scale_microservice: wrap(deploymentActions.scale_deployment, ['name', 'replicas', 'ns', 'secrets'], ['name', 'replicas'], 'Use scale_deployment.'),
  remove_service_endpoint: wrap(serviceActions.delete_service, ['name', 'ns', 'secrets'], ['name'], 'Use delete_service.'),
} satisfies Record<string, ActivityFunction>
