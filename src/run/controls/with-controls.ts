import type { JsonObject } from '../../experiment/types.js'
import type { RunContext } from '../run-context.js'
import { callControlHook, isPythonControl, type ControlHook } from './call-control-hook.js'
import { contextControls, declaredControls, type ControlLevel } from './context-controls.js'

const applyControls = async (context: RunContext, controls: JsonObject[], level: ControlLevel, scope: 'before' | 'after', target: unknown, state?: unknown): Promise<void> => {
  if (controls.length === 0) return
  const hook = `${scope}_${level}_control` as ControlHook
  for (const control of controls) {
    if (control.scope && control.scope !== scope) continue
    if (isPythonControl(control)) await callControlHook(context, control, hook, { context: target, state })
  }
}

/**
 * chaoslib's `apply_controls`: the `<scope>_<level>_control` hook of every control that applies at
 * that level, in order (the experiment level is applied apart because its end comes after the journal closes).
 *
 * @example
 * await applyLevelControls(context, 'experiment', 'after', context.experiment, journal)
 */
export const applyLevelControls = (context: RunContext, level: ControlLevel, scope: 'before' | 'after', target: { controls?: unknown }, state?: unknown): Promise<void> =>
  applyControls(context, contextControls(level, context.experiment, target), level, scope, target, state)

/**
 * chaoslib's `with controls(level, ...)`: the `before_<level>_control` hooks, the block, then the
 * `after_<level>_control` hooks with the block's state, also when the block threw. Free when no
 * control applies (the Python bridge is never started for an experiment without controls).
 *
 * @example
 * const state = await withControls(context, 'hypothesis', hypothesis, () => runProbes(), (s) => s)
 */
export const withControls = async <T>(context: RunContext, level: ControlLevel, target: { controls?: unknown }, block: () => Promise<T>, stateOf: () => unknown): Promise<T> => {
  const controls = contextControls(level, context.experiment, target)
  if (controls.length === 0) return block()
  try {
    await applyControls(context, controls, level, 'before', target)
    return await block()
  } finally {
    await applyControls(context, controls, level, 'after', target, stateOf() ?? null)
  }
}

/** `configure_control` of every declared control, once per name, before the experiment starts. */
export const configureControls = async (context: RunContext): Promise<void> => {
  for (const control of declaredControls(context.experiment).filter(isPythonControl)) await callControlHook(context, control, 'configure_control')
}

/** `cleanup_control` of every declared control, once per name, when the run ends. */
export const cleanupControls = async (context: RunContext): Promise<void> => {
  for (const control of declaredControls(context.experiment).filter(isPythonControl)) {
    await callControlHook(context, control, 'cleanup_control').catch((error: unknown) => context.log('warning', `cleanup of control '${JSON.stringify(control.name)}' failed: ${String(error)}`))
  }
}
