import type { V1DaemonSet } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../../errors.js'
import { object, required, requiredString, secrets, string } from '../../shared/activity-params.js'
import { callApi, describeApiError } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { deleteSelected } from '../delete-selected.js'
import { readManifest } from '../read-manifest.js'
import { updateDaemonSet as patchWithLedger } from './update-daemon-set.js'

const MODULE = 'chaosk8s.daemonset.actions'

/** chaosk8s `create_daemon_set`. */
export const createDaemonSet = defineActivity({
  module: MODULE,
  name: 'create_daemon_set',
  doc: 'Create a DaemonSet from the JSON or YAML file at `spec_path`.',
  params: { specPath: requiredString('spec_path'), ns: string('ns', 'default'), secrets: secrets() },
  run: async ({ specPath, ns: namespace, secrets }, context) => {
    const body = await readManifest<V1DaemonSet>(specPath, 'create_daemon_set')
    await callApi(`create a daemon set in namespace '${namespace}'`, () => connect(secrets, context).apps.createNamespacedDaemonSet({ namespace, body }))
    return null
  },
})

/** chaosk8s `delete_daemon_set`. */
export const deleteDaemonSet = defineActivity({
  module: MODULE,
  name: 'delete_daemon_set',
  doc: 'Delete DaemonSets by `name` or `label_selector`; with neither, every DaemonSet of the namespace.',
  params: { name: string('name'), ns: string('ns', 'default'), labelSelector: string('label_selector'), secrets: secrets() },
  run: ({ name, ns: namespace, labelSelector, secrets }, context) => {
    const { apps } = connect(secrets, context)
    return deleteSelected({
      func: 'delete_daemon_set',
      noun: 'daemon set',
      namespace,
      name,
      labelSelector,
      list: (query) => apps.listNamespacedDaemonSet({ namespace, ...query }),
      remove: (target) => apps.deleteNamespacedDaemonSet({ name: target, namespace, body: {} }),
      showLabels: true,
    }, context)
  },
})

/** chaosk8s `update_daemon_set`. */
export const updateDaemonSet = defineActivity({
  module: MODULE,
  name: 'update_daemon_set',
  doc: 'Patch the DaemonSet `name` with `spec` (a strategic merge patch of the whole object, as chaosk8s sends it), recording the spec it replaces in the fault ledger.',
  params: { name: requiredString('name'), spec: required(object('spec')), ns: string('ns', 'default'), secrets: secrets() },
  run: async ({ name, spec, ns: namespace, secrets }, context) => {
    try {
      await patchWithLedger(connect(secrets, context), { name, namespace }, spec ?? {})
    } catch (error) {
      throw new ActivityFailedError(`failed to update daemon set '${name}': ${describeApiError(error)}`, { cause: error })
    }
    return null
  },
})
