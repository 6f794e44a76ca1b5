import type { V1Secret } from '@kubernetes/client-node'
import { requiredString, secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { readManifest } from '../read-manifest.js'

const MODULE = 'chaosk8s.secret.actions'

/** chaosk8s `create_secret`. */
export const createSecret = defineActivity({
  module: MODULE,
  name: 'create_secret',
  doc: 'Create a Secret from the JSON or YAML file at `spec_path`.',
  params: { specPath: requiredString('spec_path'), ns: string('ns', 'default'), secrets: secrets() },
  run: async ({ specPath, ns: namespace, secrets }, context) => {
    const body = await readManifest<V1Secret>(specPath, 'create_secret')
    await callApi(`create a secret in namespace '${namespace}'`, () => connect(secrets, context).core.createNamespacedSecret({ namespace, body }))
    return null
  },
})

/** chaosk8s `delete_secret`. */
export const deleteSecret = defineActivity({
  module: MODULE,
  name: 'delete_secret',
  doc: 'Delete the Secret `name`.',
  params: { name: requiredString('name'), ns: string('ns', 'default'), secrets: secrets() },
  run: async ({ name, ns: namespace, secrets }, context) => {
    await callApi(`delete secret '${name}' in namespace '${namespace}'`, () => connect(secrets, context).core.deleteNamespacedSecret({ name, namespace }))
    return null
  },
})
