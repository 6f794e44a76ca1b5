import type { V1Namespace } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../../errors.js'
import { requiredString, secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { readManifest } from '../read-manifest.js'

const MODULE = 'chaosk8s.namespace.actions'

/** chaosk8s `create_namespace`. */
export const createNamespace = defineActivity({
  module: MODULE,
  name: 'create_namespace',
  doc: 'Create a namespace from the JSON or YAML file at `spec_path`, or else one named `name`.',
  params: { name: string('name'), specPath: string('spec_path'), secrets: secrets() },
  run: async ({ name, specPath, secrets }, context) => {
    const body = specPath
      ? await readManifest<V1Namespace>(specPath, 'create_namespace')
      : name
        ? { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }
        : undefined
    if (!body) throw new ActivityFailedError('You need to either specify name or spec_path')
    await callApi(`create namespace '${body.metadata?.name ?? '?'}'`, () => connect(secrets, context).core.createNamespace({ body }))
    context.log(`created namespace ${body.metadata?.name ?? '?'}`)
    return null
  },
})

/** chaosk8s `delete_namespace`. */
export const deleteNamespace = defineActivity({
  module: MODULE,
  name: 'delete_namespace',
  doc: 'Delete the namespace `name` (and so everything in it).',
  params: { name: requiredString('name'), secrets: secrets() },
  run: async ({ name, secrets }, context) => {
    await callApi(`delete namespace '${name}'`, () => connect(secrets, context).core.deleteNamespace({ name }))
    context.log(`deleted namespace ${name}`)
    return null
  },
})
