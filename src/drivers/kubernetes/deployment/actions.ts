import { PatchStrategy, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../../errors.js'
import { integer, required, requiredString, secrets, string } from '../../shared/activity-params.js'
import { callApi, describeApiError } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { deleteSelected } from '../delete-selected.js'
import { readManifest } from '../read-manifest.js'
import { scaleDeployment as scale } from './scale-deployment.js'

const MODULE = 'chaosk8s.deployment.actions'

/** chaosk8s `create_deployment`. */
export const createDeployment = defineActivity({
  module: MODULE,
  name: 'create_deployment',
  doc: 'Create a deployment from the JSON or YAML file at `spec_path`.',
  params: { specPath: requiredString('spec_path'), ns: string('ns', 'default'), secrets: secrets() },
  run: async ({ specPath, ns: namespace, secrets }, context) => {
    const body = await readManifest<V1Deployment>(specPath, 'create_deployment')
    await callApi(`create a deployment in namespace '${namespace}'`, () => connect(secrets, context).apps.createNamespacedDeployment({ namespace, body }))
    return null
  },
})

/** chaosk8s `delete_deployment`. */
export const deleteDeployment = defineActivity({
  module: MODULE,
  name: 'delete_deployment',
  doc: 'Delete deployments by `name` or `label_selector`; with neither, every deployment of the namespace.',
  params: { name: string('name'), ns: string('ns', 'default'), labelSelector: string('label_selector'), secrets: secrets() },
  run: ({ name, ns: namespace, labelSelector, secrets }, context) => {
    const { apps } = connect(secrets, context)
    return deleteSelected({
      func: 'delete_deployment',
      noun: 'deployment',
      namespace,
      name,
      labelSelector,
      list: (query) => apps.listNamespacedDeployment({ namespace, ...query }),
      remove: (target) => apps.deleteNamespacedDeployment({ name: target, namespace, body: {} }),
      showLabels: true,
    }, context)
  },
})

/** chaosk8s `scale_deployment`. */
export const scaleDeployment = defineActivity({
  module: MODULE,
  name: 'scale_deployment',
  doc: 'Scale a deployment up or down to `replicas`.',
  params: { name: requiredString('name'), replicas: required(integer('replicas')), ns: string('ns', 'default'), secrets: secrets() },
  run: async ({ name, replicas, ns: namespace, secrets }, context) => {
    if (replicas === undefined) throw new ActivityFailedError("scale_deployment: argument 'replicas' must be an integer, got null")
    await scale(connect(secrets, context), { name, namespace }, replicas)
    return null
  },
})

/** chaosk8s `rollout_deployment`. */
export const rolloutDeployment = defineActivity({
  module: MODULE,
  name: 'rollout_deployment',
  doc: 'Restart the deployment\'s pods with a rolling update, like `kubectl rollout restart`.',
  params: { name: string('name'), ns: string('ns', 'default'), secrets: secrets() },
  run: async ({ name, ns: namespace, secrets }, context) => {
    if (name === undefined) throw new ActivityFailedError("rollout_deployment: argument 'name' must be a non-empty string, got null")
    const body = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': new Date().toISOString() } } } } }
    try {
      await connect(secrets, context).apps.patchNamespacedDeployment({ name, namespace, body }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
    } catch (error) {
      throw new ActivityFailedError(`failed to rollout the deployment '${name}'! Error: ${describeApiError(error)}`, { cause: error })
    }
    return null
  },
})
