import { connect } from '../shared/connect.js'
import { defineActivity } from '../shared/define-activity.js'
import { placement, virtualServiceName } from './fault-params.js'
import { getVirtualService as readAsHttpResult } from './virtual-service-api.js'

/** chaosistio `get_virtual_service`. */
export const getVirtualService = defineActivity({
  module: 'chaosistio.fault.probes',
  name: 'get_virtual_service',
  doc: 'Get a VirtualService as `{status, body, headers}` (a missing one gives status 404, not an error).',
  params: { ...virtualServiceName, ...placement },
  run: ({ virtualService: name, ns, version, secrets }, context) => readAsHttpResult(connect(secrets, context).custom, { name, ns, version }),
})
