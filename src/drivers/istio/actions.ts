import type { ActivityFunction, ActivityFunctionContext } from '../../experiment/activity-function.js'
import { readArguments, type ArgumentReader } from '../shared/arguments.js'
import { applyFault, type FaultChange } from './apply-fault.js'

/** chaosistio's default API version for VirtualServices. */
export const DEFAULT_ISTIO_VERSION = 'networking.istio.io/v1alpha3'

const run = (read: ArgumentReader, change: FaultChange, context: ActivityFunctionContext) =>
  applyFault(
    { name: read.requiredString('virtual_service_name'), ns: read.string('ns') ?? 'default', version: read.string('version') ?? DEFAULT_ISTIO_VERSION },
    read.list('routes') ?? [],
    change,
    read.secrets(),
    context,
  )

// the percentage is passed through unchecked, as chaosistio does: `{value: 100}` nests and the API server refuses it
const withPercentage = (kind: string, spec: Record<string, unknown>, percentage: unknown) => ({
  [kind]: percentage === undefined || percentage === null ? spec : { ...spec, percentage: { value: percentage } },
})

const remover = (func: string, doc: string): ActivityFunction => ({
  params: ['virtual_service_name', 'routes', 'ns', 'version', 'configuration', 'secrets'],
  required: ['virtual_service_name', 'routes'],
  doc,
  run: (args, context) => run(readArguments(func, args), 'unset', context),
})

/** chaosistio.fault.actions: inject and remove HTTP delay/abort faults on VirtualService routes. */
export const faultActions = {
  set_fault: {
    params: ['virtual_service_name', 'routes', 'fault', 'ns', 'version', 'configuration', 'secrets'],
    required: ['virtual_service_name', 'routes', 'fault'],
    doc: 'Set `fault` (replacing any existing one) on every HTTP route entry of the VirtualService that goes to one of `routes`\' destinations.',
    run: (args, context) => {
      const read = readArguments('set_fault', args)
      return run(read, { set: read.object('fault') ?? {} }, context)
    },
  },
  unset_fault: remover('unset_fault', 'Remove the fault of every HTTP route entry of the VirtualService that goes to one of `routes`\' destinations.'),
  add_delay_fault: {
    params: ['virtual_service_name', 'fixed_delay', 'routes', 'percentage', 'ns', 'version', 'configuration', 'secrets'],
    required: ['virtual_service_name', 'fixed_delay', 'routes'],
    doc: 'Delay the requests of the matching routes by `fixed_delay` (e.g. "5s"), for `percentage` % of them when given.',
    run: (args, context) => {
      const read = readArguments('add_delay_fault', args)
      const fault = withPercentage('delay', { fixedDelay: args.fixed_delay }, args.percentage)
      return run(read, { set: fault }, context)
    },
  },
  add_abort_fault: {
    params: ['virtual_service_name', 'http_status', 'routes', 'percentage', 'ns', 'version', 'configuration', 'secrets'],
    required: ['virtual_service_name', 'http_status', 'routes'],
    doc: 'Abort the requests of the matching routes with `http_status`, for `percentage` % of them when given.',
    run: (args, context) => {
      const read = readArguments('add_abort_fault', args)
      const fault = withPercentage('abort', { httpStatus: args.http_status }, args.percentage)
      return run(read, { set: fault }, context)
    },
  },
  remove_delay_fault: remover('remove_delay_fault', 'Remove the fault (delay or abort: chaosistio removes the whole fault) of the matching routes.'),
  remove_abort_fault: remover('remove_abort_fault', 'Remove the fault (delay or abort: chaosistio removes the whole fault) of the matching routes.'),
} satisfies Record<string, ActivityFunction>
