import type { Action, Probe } from '../../experiment/types.js'
import { withCheckedOptions } from '../../options/check-builders.js'
import { istioBuilderSchemas } from '../../options/istio-builder-schemas.js'
import { definedArguments, pythonAction, pythonProbe, type ActivityOptions, type ProbeOptions } from '../shared/python-activity.js'

/** A route target as chaosistio reads it: the exact `host` and (optional) `subset` of a route destination. */
export interface FaultRoute {
  destination: { host: string; subset?: string }
}

/** An Istio duration such as `5s`, `1.5s` or `100ms`. */
export type IstioDuration = `${number}${'ms' | 's' | 'm' | 'h'}`

export interface VirtualServiceOptions extends ActivityOptions {
  /** The VirtualService's name. */
  virtualService: string
  ns?: string
  /** API group/version; default `networking.istio.io/v1alpha3`. */
  version?: string
}

export interface FaultTargetOptions extends VirtualServiceOptions {
  /** The route destinations to put the fault on (exact host and subset). */
  routes: FaultRoute[]
}

const MODULE = 'chaosistio.fault'

const target = (o: FaultTargetOptions) => ({
  virtual_service_name: o.virtualService,
  routes: o.routes.map((r) => ({ destination: definedArguments({ host: r.destination.host, subset: r.destination.subset }) })),
})
const place = (o: VirtualServiceOptions) => ({ ns: o.ns, version: o.version })

/**
 * Typed builders for chaosistio activities; each returns the same Action/Probe object a Chaos Toolkit JSON file holds.
 *
 * @example
 * const routes = [{ destination: { host: 'reviews', subset: 'v3' } }]
 * const inject = istio.addDelayFault({ virtualService: 'reviews', ns: 'bookinfo', fixedDelay: '5s', percentage: 100, routes, secrets: ['istio'] })
 * const undo = istio.removeDelayFault({ virtualService: 'reviews', ns: 'bookinfo', routes, secrets: ['istio'] })
 */
export const istio = withCheckedOptions('istio', {
  /** Action: delay the matching routes' requests by `fixedDelay` (for `percentage` % of them). */
  addDelayFault: (o: FaultTargetOptions & { fixedDelay: IstioDuration; percentage?: number }): Action =>
    pythonAction(`${MODULE}.actions`, 'add_delay_fault', definedArguments({ ...place(o), virtual_service_name: o.virtualService, fixed_delay: o.fixedDelay, percentage: o.percentage, routes: target(o).routes }), o),
  /** Action: answer the matching routes' requests with `httpStatus` (for `percentage` % of them). */
  addAbortFault: (o: FaultTargetOptions & { httpStatus: number; percentage?: number }): Action =>
    pythonAction(`${MODULE}.actions`, 'add_abort_fault', definedArguments({ ...place(o), virtual_service_name: o.virtualService, http_status: o.httpStatus, percentage: o.percentage, routes: target(o).routes }), o),
  /** Action (usually a rollback): remove the matching routes' fault. */
  removeDelayFault: (o: FaultTargetOptions): Action => pythonAction(`${MODULE}.actions`, 'remove_delay_fault', definedArguments({ ...place(o), ...target(o) }), o),
  /** Action (usually a rollback): remove the matching routes' fault. */
  removeAbortFault: (o: FaultTargetOptions): Action => pythonAction(`${MODULE}.actions`, 'remove_abort_fault', definedArguments({ ...place(o), ...target(o) }), o),
  /** Action: set any HTTPFaultInjection object on the matching routes. */
  setFault: (o: FaultTargetOptions & { fault: { delay?: Record<string, string | number | { value: number }>; abort?: Record<string, string | number | { value: number }> } }): Action =>
    pythonAction(`${MODULE}.actions`, 'set_fault', definedArguments({ ...place(o), ...target(o), fault: o.fault }), o),
  /** Action: remove the matching routes' fault. */
  unsetFault: (o: FaultTargetOptions): Action => pythonAction(`${MODULE}.actions`, 'unset_fault', definedArguments({ ...place(o), ...target(o) }), o),
  /** Probe: the VirtualService as `{status, body, headers}`; default tolerance: status 200. */
  getVirtualService: (o: VirtualServiceOptions & ProbeOptions): Probe =>
    pythonProbe(`${MODULE}.probes`, 'get_virtual_service', definedArguments({ virtual_service_name: o.virtualService, ...place(o) }), { type: 'jsonpath', path: '$.status', expect: 200 }, o),
}, istioBuilderSchemas)
