import type { ActivityFunction } from '../../experiment/activity-function.js'
import { readArguments } from '../shared/arguments.js'
import { connect } from '../shared/connect.js'
import { DEFAULT_ISTIO_VERSION } from './actions.js'
import { getVirtualService } from './virtual-service-api.js'

/** chaosistio.fault.probes: read a VirtualService. */
export const faultProbes = {
  get_virtual_service: {
    params: ['virtual_service_name', 'ns', 'version', 'configuration', 'secrets'],
    required: ['virtual_service_name'],
    doc: 'Get a VirtualService as `{status, body, headers}` (a missing one gives status 404, not an error).',
    run: (args) => {
      const read = readArguments('get_virtual_service', args)
      return getVirtualService(connect(read.secrets()).custom, {
        name: read.requiredString('virtual_service_name'),
        ns: read.string('ns') ?? 'default',
        version: read.string('version') ?? DEFAULT_ISTIO_VERSION,
      })
    },
  },
} satisfies Record<string, ActivityFunction>
