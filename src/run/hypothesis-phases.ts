import type { SteadyState } from '../journal/types.js'
import { hasHypothesis, runSteadyStateHypothesis } from './hypothesis.js'
import type { RunContext } from './run-context.js'
import type { Phase } from './run-options.js'
import { shouldRunAfterMethod, shouldRunBeforeMethod } from './strategy.js'

const runPhase = async (context: RunContext, phase: Phase): Promise<SteadyState> => {
  await context.listener.onPhaseStart(phase)
  const state = await runSteadyStateHypothesis(context, phase, context.interrupts.any)
  await context.listener.onHypothesisEnd(state, phase)
  await context.listener.onPhaseEnd(phase)
  return state
}

const missedProbe = (state: SteadyState): string => {
  const last = state.probes.at(-1)
  if (!last) return 'a probe'
  return last.status === 'failed' ? `probe '${last.activity.name}' failed` : `probe '${last.activity.name}' was not within its tolerance`
}

/**
 * The gate: the hypothesis before the method. A miss ends the run without running the method:
 * `completed` and not deviated (chaoslib ≥ 1.35) unless a probe failed; `failed` in strict mode.
 * Resolves to whether the method may run.
 */
export const runGateHypothesis = async (context: RunContext): Promise<boolean> => {
  if (!hasHypothesis(context) || !shouldRunBeforeMethod(context.hypothesisStrategy)) return true
  const state = await runPhase(context, 'hypothesis-before')
  context.journal.steady_states.before = state
  if (state.steady_state_met) return true
  const probeFailed = state.probes.some((run) => run.status === 'failed')
  context.journal.status = probeFailed || context.mode === 'strict' ? 'failed' : 'completed'
  context.explain(`The steady-state hypothesis was not met before the method (${missedProbe(state)}), so the method did not run.`)
  return false
}

/**
 * The hypothesis after the method; a miss sets `deviated`, with status `completed`, or `failed` when a
 * probe failed (strict mode keeps an earlier `failed`).
 */
export const runDeviationValidationHypothesis = async (context: RunContext): Promise<void> => {
  const { journal } = context
  if (journal.status === 'interrupted' || journal.status === 'aborted') return
  if (!hasHypothesis(context) || !shouldRunAfterMethod(context.hypothesisStrategy)) return
  const state = await runPhase(context, 'hypothesis-after')
  journal.steady_states.after = state
  if (state.steady_state_met) return
  journal.deviated = true
  const probeFailed = state.probes.some((run) => run.status === 'failed')
  const keepFailed = context.mode === 'strict' && journal.status === 'failed'
  journal.status = probeFailed || keepFailed ? 'failed' : 'completed'
  context.explain(`The system deviated: the steady-state hypothesis was not met after the method (${missedProbe(state)}).`, true)
}
