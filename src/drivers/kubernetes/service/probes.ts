import type { ActivityFunction } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { callApi } from '../../shared/api-error.js'
import { readArguments } from '../../shared/arguments.js'
import { connect } from '../../shared/connect.js'

/** chaosk8s.service.probes: whether a Service exists. */
export const serviceProbes = {
  service_is_initialized: {
    params: ['name', 'ns', 'label_selector', 'raise_if_service_not_initialized', 'secrets'],
    required: [],
    doc: 'Check a Service with that name and/or label exists (no selector: any Service in the namespace).',
    run: async (args) => {
      const read = readArguments('service_is_initialized', args)
      const name = read.string('name')
      const labelSelector = read.string('label_selector')
      const namespace = read.string('ns') ?? 'default'
      const { core } = connect(read.secrets())
      const list = await callApi(`list services in namespace '${namespace}'`, () =>
        core.listNamespacedService({
          namespace,
          ...(name ? { fieldSelector: `metadata.name=${name}` } : {}),
          ...(labelSelector ? { labelSelector } : {}),
        }),
      )
      if (list.items.length > 0) return true
      const message = `service '${name ?? 'None'}' is not initialized`
      if (read.flag('raise_if_service_not_initialized', true)) throw new ActivityFailedError(message)
      return false
    },
  },
} satisfies Record<string, ActivityFunction>
