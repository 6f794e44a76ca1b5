import type { ActivityFunction, ActivityFunctionContext } from '../../experiment/activity-function.js'
import type { Action, JsonObject, JsonValue, Probe, Tolerance } from '../../experiment/types.js'
import type { ActivityParam, AnyActivityParam } from './activity-params.js'
import { readArguments } from './arguments.js'
import { pythonAction, pythonProbe, type ActivityOptions, type ProbeOptions } from './python-activity.js'

/** A function's parameters in Python signature order, keyed by the name `run` and the builders use for each. */
export type ActivityParams = Readonly<Record<string, AnyActivityParam>>

/** What `run` receives: every parameter read into its type, Python defaults applied. */
export type ActivityArguments<P extends ActivityParams> = { -readonly [K in keyof P]: ReturnType<P[K]['read']> }

type OptionOf<X> = X extends { readonly optionType?: infer O } ? Exclude<O, undefined> : never
type IsOption<X> = [OptionOf<X>] extends [never] ? false : true
type IsRequired<X> = X extends ActivityParam<unknown, unknown, true> ? true : false

/**
 * The options a typed builder takes for a function's parameters: camelCase names, the ones the Python signature
 * requires required (`secrets` and `configuration` are not options).
 */
export type ActivityOptionsOf<P extends ActivityParams> = {
  -readonly [K in keyof P as IsOption<P[K]> extends true ? (IsRequired<P[K]> extends true ? K : never) : never]: OptionOf<P[K]>
} & {
  -readonly [K in keyof P as IsOption<P[K]> extends true ? (IsRequired<P[K]> extends true ? never : K) : never]?: OptionOf<P[K]>
}

/** One Chaos Toolkit function, as written with `defineActivity()`. */
export interface ActivityDefinition<P extends ActivityParams> {
  /** Chaos Toolkit module path, e.g. `chaosk8s.node.actions`. */
  module: string
  /** The Python function name, e.g. `drain_nodes`. */
  name: string
  /** Short description (first line of the Python docstring). */
  doc: string
  params: P
  run(args: ActivityArguments<P>, context: ActivityFunctionContext): unknown
}

/** A defined function: its catalog entry (signature binding included) and the activities its builders return. */
export interface DefinedActivity<P extends ActivityParams> extends ActivityFunction {
  readonly module: string
  readonly name: string
  readonly parameters: P
  /** The python-provider action calling this function with the options given (undefined ones left out). */
  action(options: ActivityOptions & Partial<ActivityOptionsOf<P>>): Action
  /** The python-provider probe calling this function; `options.tolerance` replaces `tolerance`. */
  probe(options: ProbeOptions & Partial<ActivityOptionsOf<P>>, tolerance: Tolerance): Probe
}

const toJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue

/**
 * Declares one Chaos Toolkit function once: module, name, typed parameters (Python names and defaults) and `run`.
 * The catalog entry, the typed arguments `run` gets, and the builders' arguments all come from this one declaration.
 *
 * @example
 * export const cordonNode = defineActivity({
 *   module: 'chaosk8s.node.actions',
 *   name: 'cordon_node',
 *   doc: 'Cordon nodes matching the given label or name.',
 *   params: { name: string('name'), labelSelector: string('label_selector'), secrets: secrets() },
 *   run: async ({ name, labelSelector, secrets }, context) => cordon(connect(secrets, context), { name, labelSelector }),
 * })
 * const action = cordonNode.action({ name: 'worker-1' }) // { type: 'action', name: 'cordon-node', provider: { … } }
 */
export const defineActivity = <P extends ActivityParams>(definition: ActivityDefinition<P>): DefinedActivity<P> => {
  const entries = Object.entries(definition.params)
  const argumentsOf = (options: object): JsonObject => {
    const given = options as Record<string, unknown>
    const args: JsonObject = {}
    for (const [key, param] of entries) if (param.option && given[key] !== undefined) args[param.python] = toJson(given[key])
    return args
  }
  return {
    module: definition.module,
    name: definition.name,
    doc: definition.doc,
    parameters: definition.params,
    params: entries.map(([, param]) => param.python),
    required: entries.filter(([, param]) => param.required).map(([, param]) => param.python),
    run: (args, context) => {
      const read = readArguments(definition.name, args)
      let typed: ActivityArguments<P>
      try {
        typed = Object.fromEntries(entries.map(([key, param]) => [key, param.read(read)])) as ActivityArguments<P>
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error))) // a bad argument fails the call the way a failing function does
      }
      return definition.run(typed, context)
    },
    action: (options) => pythonAction(definition.module, definition.name, argumentsOf(options), options),
    probe: (options, tolerance) => pythonProbe(definition.module, definition.name, argumentsOf(options), tolerance, options),
  }
}

/**
 * The builder options of a defined function.
 *
 * @example
 * type DrainNodesOptions = ActivityOptions & OptionsOf<typeof drainNodes>
 */
export type OptionsOf<A> = A extends DefinedActivity<infer P> ? ActivityOptionsOf<P> : never
