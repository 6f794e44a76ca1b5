import { setTimeout as delay } from 'node:timers/promises'
import { InterruptedError } from '../errors.js'
import { hasHypothesis, runSteadyStateHypothesis } from './hypothesis.js'
import type { RunContext } from './run-context.js'
import { shouldRunDuringMethod } from './strategy.js'

/** A continuous hypothesis running alongside the method. */
export interface ContinuousHypothesis {
  /** Asks the loop to stop after its current iteration and waits for it. */
  stop(): Promise<void>
}

const isOver = (context: RunContext): boolean => {
  const status = context.journal.status
  return status === 'failed' || status === 'interrupted' || status === 'aborted'
}

const loop = async (context: RunContext, methodDone: AbortSignal): Promise<void> => {
  const signal = context.interrupts.any
  while (!methodDone.aborted && !isOver(context)) {
    const state = await runSteadyStateHypothesis(context, 'hypothesis-during', signal)
    context.journal.steady_states.during.push(state)
    await context.listener.onHypothesisEnd(state, 'hypothesis-during')
    if (state.steady_state_met === false && context.failFast) {
      context.journal.status = 'failed'
      context.explain('The steady-state hypothesis deviated while the method ran and fail-fast stopped the experiment.')
      context.log('critical', 'Steady state hypothesis deviated during the method, failing fast')
      return
    }
    await delay(context.hypothesisFrequency * 1000, undefined, { signal: AbortSignal.any([methodDone, signal]) }).catch(() => undefined)
  }
}

/**
 * chaoslib's `run_hypothesis_during_method`: the hypothesis again and again while the method runs,
 * `--hypothesis-frequency` seconds apart; every iteration goes to `steady_states.during`. Deviations
 * change nothing unless fail-fast is on, which makes the run `failed`.
 *
 * @example
 * const during = startContinuousHypothesis(context); await runMethod(context); await during.stop()
 */
export const startContinuousHypothesis = async (context: RunContext): Promise<ContinuousHypothesis> => {
  if (!hasHypothesis(context) || !shouldRunDuringMethod(context.hypothesisStrategy)) return { stop: () => Promise.resolve() }
  await context.listener.onPhaseStart('hypothesis-during')
  const methodDone = new AbortController()
  const running = loop(context, methodDone.signal).catch((error: unknown) => {
    if (isOver(context)) return
    const interrupted = error instanceof InterruptedError || context.interrupts.any.aborted
    context.journal.status = interrupted ? 'interrupted' : 'aborted'
    context.explain(interrupted ? 'The run was interrupted while the hypothesis was checked during the method.' : `The continuous hypothesis broke unexpectedly: ${error instanceof Error ? error.message : String(error)}`)
  })
  return {
    stop: async () => {
      methodDone.abort()
      await running
      await context.listener.onPhaseEnd('hypothesis-during')
    },
  }
}
