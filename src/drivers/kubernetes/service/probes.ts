import { ActivityFailedError } from '../../../errors.js'
import { flag, secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'

/** chaosk8s `service_is_initialized`. */
export const serviceIsInitialized = defineActivity({
  module: 'chaosk8s.service.probes',
  name: 'service_is_initialized',
  doc: 'Check a Service with that name and/or label exists (no selector: any Service in the namespace).',
  params: {
    name: string('name'),
    ns: string('ns', 'default'),
    labelSelector: string('label_selector'),
    raiseIfServiceNotInitialized: flag('raise_if_service_not_initialized', true),
    secrets: secrets(),
  },
  run: async ({ name, ns: namespace, labelSelector, raiseIfServiceNotInitialized, secrets }, context) => {
    const { core } = connect(secrets, context)
    const list = await callApi(`list services in namespace '${namespace}'`, () =>
      core.listNamespacedService({
        namespace,
        ...(name ? { fieldSelector: `metadata.name=${name}` } : {}),
        ...(labelSelector ? { labelSelector } : {}),
      }),
    )
    if (list.items.length > 0) return true
    if (raiseIfServiceNotInitialized) throw new ActivityFailedError(`service '${name ?? 'None'}' is not initialized`)
    return false
  },
})
