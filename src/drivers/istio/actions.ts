import type { ActivityFunctionContext } from '../../experiment/activity-function.js'
import { object, required, value } from '../shared/activity-params.js'
import type { DriverSecrets } from '../shared/client.js'
import { defineActivity } from '../shared/define-activity.js'
import { applyFault, type FaultChange } from './apply-fault.js'
import { placement, routes, virtualServiceName, type IstioDuration } from './fault-params.js'

const MODULE = 'chaosistio.fault.actions'

type Target = { virtualService: string; routes: unknown[] | undefined; ns: string; version: string; secrets: DriverSecrets }

const apply = (args: Target, change: FaultChange, context: ActivityFunctionContext) =>
  applyFault({ name: args.virtualService, ns: args.ns, version: args.version }, args.routes ?? [], change, args.secrets, context)

// the percentage is passed through unchecked, as chaosistio does: `{value: 100}` nests and the API server refuses it
const withPercentage = (kind: string, spec: Record<string, unknown>, percentage: unknown) => ({
  [kind]: percentage === undefined || percentage === null ? spec : { ...spec, percentage: { value: percentage } },
})

/** An HTTPFaultInjection object as `set_fault` takes it. */
type HttpFault = { delay?: Record<string, string | number | { value: number }>; abort?: Record<string, string | number | { value: number }> }

const remover = (name: string, doc: string) =>
  defineActivity({
    module: MODULE,
    name,
    doc,
    params: { ...virtualServiceName, routes, ...placement },
    run: (args, context) => apply(args, 'unset', context),
  })

/** chaosistio `set_fault`. */
export const setFault = defineActivity({
  module: MODULE,
  name: 'set_fault',
  doc: 'Set `fault` (replacing any existing one) on every HTTP route entry of the VirtualService that goes to one of `routes`\' destinations.',
  params: { ...virtualServiceName, routes, fault: required(object<HttpFault>('fault')), ...placement },
  run: (args, context) => apply(args, { set: args.fault ?? {} }, context),
})

/** chaosistio `unset_fault`. */
export const unsetFault = remover('unset_fault', 'Remove the fault of every HTTP route entry of the VirtualService that goes to one of `routes`\' destinations.')

/** chaosistio `add_delay_fault`. */
export const addDelayFault = defineActivity({
  module: MODULE,
  name: 'add_delay_fault',
  doc: 'Delay the requests of the matching routes by `fixed_delay` (e.g. "5s"), for `percentage` % of them when given.',
  params: { ...virtualServiceName, fixedDelay: required(value<IstioDuration>('fixed_delay')), routes, percentage: value<number>('percentage'), ...placement },
  run: (args, context) => apply(args, { set: withPercentage('delay', { fixedDelay: args.fixedDelay }, args.percentage) }, context),
})

/** chaosistio `add_abort_fault`. */
export const addAbortFault = defineActivity({
  module: MODULE,
  name: 'add_abort_fault',
  doc: 'Abort the requests of the matching routes with `http_status`, for `percentage` % of them when given.',
  params: { ...virtualServiceName, httpStatus: required(value<number>('http_status')), routes, percentage: value<number>('percentage'), ...placement },
  run: (args, context) => apply(args, { set: withPercentage('abort', { httpStatus: args.httpStatus }, args.percentage) }, context),
})

/** chaosistio `remove_delay_fault`. */
export const removeDelayFault = remover('remove_delay_fault', 'Remove the fault (delay or abort: chaosistio removes the whole fault) of the matching routes.')

/** chaosistio `remove_abort_fault`. */
export const removeAbortFault = remover('remove_abort_fault', 'Remove the fault (delay or abort: chaosistio removes the whole fault) of the matching routes.')
