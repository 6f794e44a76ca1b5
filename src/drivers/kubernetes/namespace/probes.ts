import { requiredString, secrets } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'

/** chaosk8s `namespace_exists`. */
export const namespaceExists = defineActivity({
  module: 'chaosk8s.namespace.probes',
  name: 'namespace_exists',
  doc: 'True when a namespace named `name` exists, false otherwise (never raises for a missing one).',
  params: { name: requiredString('name'), secrets: secrets() },
  run: async ({ name, secrets }, context) => {
    const list = await callApi(`list namespaces named '${name}'`, () => connect(secrets, context).core.listNamespace({ fieldSelector: `metadata.name=${name}` }))
    return list.items.length > 0
  },
})
