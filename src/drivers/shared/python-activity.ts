import type { Action, JsonObject, Pauses, Probe, Tolerance } from '../../experiment/types.js'

/** Options every typed builder accepts besides the function's own arguments. */
export interface ActivityOptions {
  /** The activity's name in the experiment and journal (default: the function name in kebab-case). */
  activityName?: string
  /** Seconds to wait before/after the activity, as in Chaos Toolkit. */
  pauses?: Pauses
  /** Secret scopes passed to the function (e.g. `['k8s']` holding `KUBERNETES_CONTEXT`). */
  secrets?: string[]
}

/** Options of a probe builder: a tolerance may replace the default one. */
export interface ProbeOptions extends ActivityOptions {
  tolerance?: Tolerance
}

const kebab = (func: string) => func.replaceAll('_', '-')

const provider = (module: string, func: string, args: JsonObject, options: ActivityOptions) => ({
  type: 'python' as const,
  module,
  func,
  ...(Object.keys(args).length > 0 ? { arguments: args } : {}),
  ...(options.secrets ? { secrets: options.secrets } : {}),
})

/** A python-provider action, shaped exactly as in a Chaos Toolkit JSON file. */
export const pythonAction = (module: string, func: string, args: JsonObject, options: ActivityOptions = {}): Action => ({
  type: 'action',
  name: options.activityName ?? kebab(func),
  provider: provider(module, func, args, options),
  ...(options.pauses ? { pauses: options.pauses } : {}),
})

/** A python-provider probe, shaped exactly as in a Chaos Toolkit JSON file. */
export const pythonProbe = (module: string, func: string, args: JsonObject, tolerance: Tolerance, options: ProbeOptions = {}): Probe => ({
  type: 'probe',
  name: options.activityName ?? kebab(func),
  tolerance: options.tolerance ?? tolerance,
  provider: provider(module, func, args, options),
  ...(options.pauses ? { pauses: options.pauses } : {}),
})
