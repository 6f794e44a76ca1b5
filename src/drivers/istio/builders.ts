import type { Action, Probe } from '../../experiment/types.js'
import { withCheckedOptions } from '../../options/check-builders.js'
import { istioBuilderSchemas } from '../../options/istio-builder-schemas.js'
import type { OptionsOf } from '../shared/define-activity.js'
import type { ActivityOptions, ProbeOptions } from '../shared/python-activity.js'
import { addAbortFault, addDelayFault, removeAbortFault, removeDelayFault, setFault, unsetFault } from './actions.js'
import { getVirtualService } from './probes.js'

export type { FaultRoute, IstioDuration } from './fault-params.js'

/** The options of every VirtualService builder: its name, namespace and API version. */
export type VirtualServiceOptions = ActivityOptions & OptionsOf<typeof getVirtualService>

/** The options of the fault builders: the VirtualService and the route destinations to put the fault on. */
export type FaultTargetOptions = ActivityOptions & OptionsOf<typeof unsetFault>

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
  addDelayFault: (o: ActivityOptions & OptionsOf<typeof addDelayFault>): Action => addDelayFault.action(o),
  /** Action: answer the matching routes' requests with `httpStatus` (for `percentage` % of them). */
  addAbortFault: (o: ActivityOptions & OptionsOf<typeof addAbortFault>): Action => addAbortFault.action(o),
  /** Action (usually a rollback): remove the matching routes' fault. */
  removeDelayFault: (o: FaultTargetOptions): Action => removeDelayFault.action(o),
  /** Action (usually a rollback): remove the matching routes' fault. */
  removeAbortFault: (o: FaultTargetOptions): Action => removeAbortFault.action(o),
  /** Action: set any HTTPFaultInjection object on the matching routes. */
  setFault: (o: ActivityOptions & OptionsOf<typeof setFault>): Action => setFault.action(o),
  /** Action: remove the matching routes' fault. */
  unsetFault: (o: FaultTargetOptions): Action => unsetFault.action(o),
  /** Probe: the VirtualService as `{status, body, headers}`; default tolerance: status 200. */
  getVirtualService: (o: VirtualServiceOptions & ProbeOptions): Probe => getVirtualService.probe(o, { type: 'jsonpath', path: '$.status', expect: 200 }),
}, istioBuilderSchemas)
