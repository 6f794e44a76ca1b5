import { PatchStrategy, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node'
import type { ActivityFunction } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { callApi, describeApiError } from '../../shared/api-error.js'
import { readArguments } from '../../shared/arguments.js'
import { connect } from '../../shared/connect.js'
import { describeLabels, emptySelectionError } from '../../shared/empty-selection.js'
import { readManifest } from '../read-manifest.js'
import { scaleDeployment } from './scale-deployment.js'

const patchDeployment = async (args: Record<string, unknown>, func: string, body: object, failure: (name: string) => string) => {
  const read = readArguments(func, args)
  const name = read.requiredString('name')
  const { apps } = connect(read.secrets())
  try {
    await apps.patchNamespacedDeployment({ name, namespace: read.string('ns') ?? 'default', body }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
  } catch (error) {
    throw new ActivityFailedError(`${failure(name)}: ${describeApiError(error)}`, { cause: error })
  }
  return null
}

/** chaosk8s.deployment.actions: create, delete, scale and restart deployments. */
export const deploymentActions = {
  create_deployment: {
    params: ['spec_path', 'ns', 'secrets'],
    required: ['spec_path'],
    doc: 'Create a deployment from the JSON or YAML file at `spec_path`.',
    run: async (args) => {
      const read = readArguments('create_deployment', args)
      const body = await readManifest<V1Deployment>(read.requiredString('spec_path'), 'create_deployment')
      const namespace = read.string('ns') ?? 'default'
      await callApi(`create a deployment in namespace '${namespace}'`, () => connect(read.secrets()).apps.createNamespacedDeployment({ namespace, body }))
      return null
    },
  },
  delete_deployment: {
    params: ['name', 'ns', 'label_selector', 'secrets'],
    required: [],
    doc: 'Delete deployments by `name` or `label_selector`; with neither, every deployment of the namespace.',
    run: async (args, context) => {
      const read = readArguments('delete_deployment', args)
      const namespace = read.string('ns') ?? 'default'
      const name = read.string('name')
      const labelSelector = read.string('label_selector')
      const { apps } = connect(read.secrets())
      const query = name ? { fieldSelector: `metadata.name=${name}` } : labelSelector ? { labelSelector } : {}
      const list = await callApi(`list deployments in namespace '${namespace}'`, () => apps.listNamespacedDeployment({ namespace, ...query }))
      if (list.items.length === 0 && context.strict) {
        const all = await callApi(`list deployments in namespace '${namespace}'`, () => apps.listNamespacedDeployment({ namespace }))
        const names = all.items.map((item) => item.metadata?.name ?? '').join(', ')
        const present = names ? `the deployments there are ${names} (labels ${describeLabels(all.items, labelSelector)})` : 'there are no deployments there at all'
        throw emptySelectionError({ func: 'delete_deployment', noun: 'deployment', namespace, selector: { name, label_selector: labelSelector }, present })
      }
      for (const deployment of list.items) {
        const target = deployment.metadata!.name!
        await callApi(`delete deployment '${target}'`, () => apps.deleteNamespacedDeployment({ name: target, namespace, body: {} }))
        context.log(`deleted deployment ${namespace}/${target}`)
      }
      return null
    },
  },
  scale_deployment: {
    params: ['name', 'replicas', 'ns', 'secrets'],
    required: ['name', 'replicas'],
    doc: 'Scale a deployment up or down to `replicas`.',
    run: async (args) => {
      const read = readArguments('scale_deployment', args)
      const replicas = read.integer('replicas')
      if (replicas === undefined) throw new ActivityFailedError("scale_deployment: argument 'replicas' must be an integer, got null")
      await scaleDeployment(connect(read.secrets()), { name: read.requiredString('name'), namespace: read.string('ns') ?? 'default' }, replicas)
      return null
    },
  },
  rollout_deployment: {
    params: ['name', 'ns', 'secrets'],
    required: [],
    doc: 'Restart the deployment\'s pods with a rolling update, like `kubectl rollout restart`.',
    run: (args) =>
      patchDeployment(
        args,
        'rollout_deployment',
        { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': new Date().toISOString() } } } } },
        (name) => `failed to rollout the deployment '${name}'! Error`,
      ),
  },
} satisfies Record<string, ActivityFunction>
