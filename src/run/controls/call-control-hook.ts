import { InterruptedError } from '../../errors.js'
import { isPlainObject } from '../../experiment/plain-object.js'
import type { JsonObject } from '../../experiment/types.js'
import { describePythonError } from '../../providers/python/python-error.js'
import type { RunContext } from '../run-context.js'

/** The Python function chaoslib calls for each hook. */
export type ControlHook =
  | 'configure_control' | 'cleanup_control'
  | 'before_experiment_control' | 'after_experiment_control'
  | 'before_hypothesis_control' | 'after_hypothesis_control'
  | 'before_method_control' | 'after_method_control'
  | 'before_rollback_control' | 'after_rollback_control'
  | 'before_activity_control' | 'after_activity_control'

const unloadable = new WeakMap<RunContext, Set<string>>()

const warnOnce = (context: RunContext, module: string, message: string): void => {
  const seen = unloadable.get(context) ?? new Set<string>()
  unloadable.set(context, seen)
  if (seen.has(module)) return
  seen.add(module)
  context.log('warning', message)
}

/**
 * chaoslib's controls change the context and state objects the run keeps using (e.g. a key added to the
 * journal by `after_experiment_control` is written out): the top-level keys a hook added or changed are copied back.
 */
const writeBack = (target: unknown, changed: string | undefined): void => {
  if (changed === undefined || !isPlainObject(target)) return
  const updated: unknown = JSON.parse(changed)
  if (!isPlainObject(updated)) return
  for (const [key, value] of Object.entries(updated)) {
    if (JSON.stringify(target[key]) !== JSON.stringify(value)) target[key] = value
  }
}

/** True for a python control with a module: the only kind chaoslib applies. */
export const isPythonControl = (control: JsonObject): boolean =>
  isPlainObject(control.provider) && control.provider.type === 'python' && typeof control.provider.module === 'string'

/**
 * Calls one hook of a python control in the run's bridge, with chaoslib's arguments: its `arguments`
 * (substituted, except for `configure_control`), then `context`, `state`, `experiment`,
 * `configuration`, `secrets`, `extensions`, `settings` for the parameters the function declares.
 * A module that cannot be loaded is skipped with one warning; an exception is logged and ignored,
 * except `InterruptExecution`, which interrupts the run (not from `configure_control`, as in chaoslib).
 */
export const callControlHook = async (context: RunContext, control: JsonObject, hook: ControlHook, extras: { context?: unknown; state?: unknown } = {}): Promise<void> => {
  const provider = control.provider as JsonObject & { module: string }
  const name = typeof control.name === 'string' ? control.name : JSON.stringify(control.name)
  const bridge = context.providers.python
  if (!bridge) return
  const declared = isPlainObject(provider.arguments) ? structuredClone(provider.arguments) : {}
  const args = hook === 'configure_control' ? declared : context.providers.substitute(declared)
  const what = `control '${name}' (${provider.module}.${hook})`
  let answer
  try {
    answer = await bridge.call(
      { op: 'control', module: provider.module, func: hook, arguments: args, configuration: context.providers.configuration, secrets: context.providers.secrets, experiment: context.experiment, settings: null, context: extras.context ?? null, state: extras.state ?? null },
      { signal: context.interrupts.stop, what },
    )
  } catch (error) {
    if (error instanceof InterruptedError) throw error
    return warnOnce(context, provider.module, `${what} could not run: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (answer.printed !== '') for (const line of answer.printed.replace(/\n$/, '').split('\n')) context.log('info', `${what} printed: ${line}`)
  if (answer.ok) {
    writeBack(extras.context, answer.context)
    writeBack(extras.state, answer.state)
    return
  }
  if (answer.phase === 'load') return warnOnce(context, provider.module, `control module '${provider.module}' could not be loaded, so control '${name}' is skipped: ${describePythonError(answer.error)}`)
  const interrupts = answer.error.type === 'InterruptExecution' && hook !== 'configure_control' && hook !== 'cleanup_control'
  if (interrupts) {
    context.log('critical', describePythonError(answer.error))
    throw new InterruptedError(`${what} interrupted the execution: ${answer.error.message}`)
  }
  context.log('warning', `${what} failed and was ignored: ${describePythonError(answer.error)}`)
}
