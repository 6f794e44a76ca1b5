import type { ActivityFunctionContext } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { flag, number, requiredString, secrets, string } from '../../shared/activity-params.js'
import type { DriverSecrets } from '../../shared/client.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { listDeploymentsNamed } from './list-deployments.js'
import { waitForDeploymentReadiness } from './wait-for-readiness.js'

const MODULE = 'chaosk8s.deployment.probes'

const verdict = (raise: boolean, message: string): false => {
  if (raise) throw new ActivityFailedError(message)
  return false
}

type Where = { name: string; ns: string; labelSelector: string | undefined; secrets: DriverSecrets }

const deploymentsFor = ({ name, ns, labelSelector, secrets }: Where, context: ActivityFunctionContext) =>
  listDeploymentsNamed(connect(secrets, context).apps, ns, name, labelSelector)

const where = { name: requiredString('name'), ns: string('ns', 'default'), labelSelector: string('label_selector') }

const waitForReadiness = async ({ timeout: seconds, raise, ...args }: Where & { timeout: number; raise: boolean }, ready: boolean, failure: string, context: ActivityFunctionContext) => {
  const timeout = Math.trunc(seconds)
  const reached = await waitForDeploymentReadiness(connect(args.secrets, context).kc, {
    name: args.name,
    ns: args.ns,
    labelSelector: args.labelSelector === undefined ? undefined : args.labelSelector.replaceAll('{name}', args.name),
    ready,
    timeoutSeconds: timeout,
    signal: context.signal,
  })
  return reached || verdict(raise, `deployment '${args.name}' ${failure} within ${timeout}s`)
}

/** chaosk8s `deployment_available_and_healthy`. */
export const deploymentAvailableAndHealthy = defineActivity({
  module: MODULE,
  name: 'deployment_available_and_healthy',
  doc: 'Check the deployment exists and its available replicas equal its desired replicas (strictly).',
  params: { ...where, raiseOnUnavailable: flag('raise_on_unavailable', true), secrets: secrets() },
  run: async (args, context) => {
    const deployments = await deploymentsFor(args, context)
    const raise = args.raiseOnUnavailable
    if (deployments.length === 0) return verdict(raise, `Deployment '${args.name}' was not found`)
    const unhealthy = deployments.some((d) => (d.status?.availableReplicas ?? null) !== (d.spec?.replicas ?? null))
    return unhealthy ? verdict(raise, `Deployment '${args.name}' is not healthy`) : true
  },
})

/** chaosk8s `deployment_partially_available`. */
export const deploymentPartiallyAvailable = defineActivity({
  module: MODULE,
  name: 'deployment_partially_available',
  doc: 'Check the deployment has at least one available replica.',
  params: { ...where, raiseOnNotPartiallyAvailable: flag('raise_on_not_partially_available', true), secrets: secrets() },
  run: async (args, context) => {
    const deployments = await deploymentsFor(args, context)
    const raise = args.raiseOnNotPartiallyAvailable
    if (deployments.length === 0) return verdict(raise, `Deployment '${args.name}' was not found`)
    const available = deployments[0]!.status?.availableReplicas
    if (available === undefined || available === null) {
      throw new ActivityFailedError("TypeError: '>=' not supported between instances of 'NoneType' and 'int' (the deployment has no available replica)")
    }
    return available >= 1 || verdict(raise, `Deployment '${args.name}' is not healthy`)
  },
})

/** chaosk8s `deployment_fully_available`. */
export const deploymentFullyAvailable = defineActivity({
  module: MODULE,
  name: 'deployment_fully_available',
  doc: 'Wait (watching, up to `timeout` s, default 30) until the deployment has all its replicas ready.',
  params: { ...where, timeout: number('timeout', 30), raiseOnNotFullyAvailable: flag('raise_on_not_fully_available', true), secrets: secrets() },
  run: ({ raiseOnNotFullyAvailable: raise, ...args }, context) => waitForReadiness({ ...args, raise }, true, 'failed to recover', context),
})

/** chaosk8s `deployment_not_fully_available`. */
export const deploymentNotFullyAvailable = defineActivity({
  module: MODULE,
  name: 'deployment_not_fully_available',
  doc: 'Wait (watching, up to `timeout` s, default 30) until the deployment no longer has all its replicas ready.',
  params: { ...where, timeout: number('timeout', 30), raiseOnFullyAvailable: flag('raise_on_fully_available', true), secrets: secrets() },
  run: ({ raiseOnFullyAvailable: raise, ...args }, context) => waitForReadiness({ ...args, raise }, false, 'failed to stop running', context),
})
