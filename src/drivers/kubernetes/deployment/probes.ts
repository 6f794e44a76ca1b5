import type { ActivityFunction } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { readArguments } from '../../shared/arguments.js'
import { connect } from '../../shared/connect.js'
import { listDeploymentsNamed } from './list-deployments.js'
import { waitForDeploymentReadiness } from './wait-for-readiness.js'

const verdict = (raise: boolean, message: string): false => {
  if (raise) throw new ActivityFailedError(message)
  return false
}

const deploymentsFor = async (func: string, args: Record<string, unknown>) => {
  const read = readArguments(func, args)
  const name = read.requiredString('name')
  const ns = read.string('ns') ?? 'default'
  return { read, name, deployments: await listDeploymentsNamed(connect(read.secrets()).apps, ns, name, read.string('label_selector')) }
}

const readiness = (func: string, ready: boolean, raiseParam: string, failure: string): ActivityFunction => ({
  params: ['name', 'ns', 'label_selector', 'timeout', raiseParam, 'secrets'],
  required: ['name'],
  doc: ready
    ? 'Wait (watching, up to `timeout` s, default 30) until the deployment has all its replicas ready.'
    : 'Wait (watching, up to `timeout` s, default 30) until the deployment no longer has all its replicas ready.',
  run: async (args, { signal }) => {
    const read = readArguments(func, args)
    const name = read.requiredString('name')
    const timeout = Math.trunc(read.number('timeout') ?? 30)
    const labelSelector = read.string('label_selector')
    const reached = await waitForDeploymentReadiness(connect(read.secrets()).kc, {
      name,
      ns: read.string('ns') ?? 'default',
      labelSelector: labelSelector === undefined ? undefined : labelSelector.replaceAll('{name}', name),
      ready,
      timeoutSeconds: timeout,
      signal,
    })
    return reached || verdict(read.flag(raiseParam, true), `deployment '${name}' ${failure} within ${timeout}s`)
  },
})

/** chaosk8s.deployment.probes: deployment availability, immediate or awaited. */
export const deploymentProbes = {
  deployment_available_and_healthy: {
    params: ['name', 'ns', 'label_selector', 'raise_on_unavailable', 'secrets'],
    required: ['name'],
    doc: 'Check the deployment exists and its available replicas equal its desired replicas (strictly).',
    run: async (args) => {
      const { read, name, deployments } = await deploymentsFor('deployment_available_and_healthy', args)
      const raise = read.flag('raise_on_unavailable', true)
      if (deployments.length === 0) return verdict(raise, `Deployment '${name}' was not found`)
      const unhealthy = deployments.some((d) => (d.status?.availableReplicas ?? null) !== (d.spec?.replicas ?? null))
      return unhealthy ? verdict(raise, `Deployment '${name}' is not healthy`) : true
    },
  },
  deployment_partially_available: {
    params: ['name', 'ns', 'label_selector', 'raise_on_not_partially_available', 'secrets'],
    required: ['name'],
    doc: 'Check the deployment has at least one available replica.',
    run: async (args) => {
      const { read, name, deployments } = await deploymentsFor('deployment_partially_available', args)
      const raise = read.flag('raise_on_not_partially_available', true)
      if (deployments.length === 0) return verdict(raise, `Deployment '${name}' was not found`)
      const available = deployments[0]!.status?.availableReplicas
      if (available === undefined || available === null) {
        throw new ActivityFailedError("TypeError: '>=' not supported between instances of 'NoneType' and 'int' (the deployment has no available replica)")
      }
      return available >= 1 || verdict(raise, `Deployment '${name}' is not healthy`)
    },
  },
  deployment_fully_available: readiness('deployment_fully_available', true, 'raise_on_not_fully_available', 'failed to recover'),
  deployment_not_fully_available: readiness('deployment_not_fully_available', false, 'raise_on_fully_available', 'failed to stop running'),
} satisfies Record<string, ActivityFunction>
