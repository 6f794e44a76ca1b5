import type { V1Service } from '@kubernetes/client-node'
import { requiredString, secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { readManifest } from '../read-manifest.js'

const MODULE = 'chaosk8s.service.actions'

/** chaosk8s `create_service_endpoint`. */
export const createServiceEndpoint = defineActivity({
  module: MODULE,
  name: 'create_service_endpoint',
  doc: 'Create a Service from the JSON or YAML file at `spec_path`.',
  params: { specPath: requiredString('spec_path'), ns: string('ns', 'default'), secrets: secrets() },
  run: async ({ specPath, ns: namespace, secrets }, context) => {
    const body = await readManifest<V1Service>(specPath, 'create_service_endpoint')
    await callApi(`create a service in namespace '${namespace}'`, () => connect(secrets, context).core.createNamespacedService({ namespace, body }))
    return null
  },
})

/** chaosk8s `delete_service`. */
export const deleteService = defineActivity({
  module: MODULE,
  name: 'delete_service',
  doc: 'Delete the Service `name`.',
  params: { name: requiredString('name'), ns: string('ns', 'default'), secrets: secrets() },
  run: async ({ name, ns: namespace, secrets }, context) => {
    await callApi(`delete service '${name}' in namespace '${namespace}'`, () => connect(secrets, context).core.deleteNamespacedService({ name, namespace }))
    return null
  },
})
