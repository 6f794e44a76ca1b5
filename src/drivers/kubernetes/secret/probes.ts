import { secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'

/** chaosk8s `secret_exists`. */
export const secretExists = defineActivity({
  module: 'chaosk8s.secret.probes',
  name: 'secret_exists',
  doc: 'True when a Secret with that name and/or label exists in the namespace (no selector: any Secret), false otherwise.',
  params: { name: string('name'), ns: string('ns', 'default'), labelSelector: string('label_selector'), secrets: secrets() },
  run: async ({ name, ns: namespace, labelSelector, secrets }, context) => {
    const list = await callApi(`list secrets in namespace '${namespace}'`, () =>
      connect(secrets, context).core.listNamespacedSecret({
        namespace,
        ...(name ? { fieldSelector: `metadata.name=${name}` } : {}),
        ...(labelSelector ? { labelSelector } : {}),
      }),
    )
    return list.items.length > 0
  },
})
