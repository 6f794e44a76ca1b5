import { InterruptedError } from '../errors.js'
import type { Run } from '../journal/types.js'
import { withControls } from './controls/with-controls.js'
import { executeActivity } from './execute-activity.js'
import { resolveActivity } from './resolve-activity.js'
import type { RunContext } from './run-context.js'
import { shouldPlayRollbacks } from './strategy.js'

const failStrictly = (context: RunContext, message: string): void => {
  context.log('error', message)
  if (context.mode !== 'strict') return
  if (context.journal.status !== 'failed') context.explain(`A rollback failed: ${message}.`, true)
  context.journal.status = 'failed'
}

const playOne = async (context: RunContext, index: number, signal: AbortSignal, background: Promise<unknown>[]): Promise<void> => {
  const entry = context.experiment.rollbacks![index]!
  const activity = resolveActivity(entry, context.activities)
  if (!activity) return failStrictly(context, `could not find referenced activity '${'ref' in entry ? entry.ref : ''}' for rollback ${index}`)
  context.log('info', `Rollback: ${activity.name}`)
  const record = (run: Run) => context.journal.rollbacks.push(run)
  const settle = (run: Run) => {
    if (run.status === 'failed') failStrictly(context, `rollback '${activity.name}' failed: ${run.exception?.at(-1)?.trim() ?? ''}`)
  }
  const execution = executeActivity(activity, context, { phase: 'rollbacks', signal, record })
  if (activity.background) background.push(execution.then(settle).catch((error: unknown) => context.log('error', `background rollback '${activity.name}' broke: ${String(error)}`)))
  else settle(await execution)
}

const interruptRollbacks = (context: RunContext, error: unknown): void => {
  context.journal.status = 'interrupted'
  context.explain('The run was interrupted while rolling back; the remaining rollbacks were skipped.', true)
  context.log('warning', `rollbacks interrupted: ${error instanceof Error ? error.message : String(error)}`)
}

/**
 * chaoslib's `run_rollbacks` behind the rollback strategy (strict mode: always). A failed rollback is
 * recorded and the next one still runs; an interrupt skips the rest; an unexpected error is recorded as
 * `aborted` and the next one still runs. Never throws.
 *
 * @example
 * await playRollbacks(context)
 */
export const playRollbacks = async (context: RunContext): Promise<void> => {
  const { interrupts } = context
  if (interrupts.stop.aborted) return context.log('warning', 'Rollbacks skipped: the run was stopped ungracefully')
  if (!shouldPlayRollbacks(context.rollbackStrategy, context.journal, context.mode)) {
    return context.log('info', `Rollbacks skipped (rollback strategy '${context.rollbackStrategy}', status ${context.journal.status ?? 'completed'}${context.journal.deviated ? ', deviated' : ''})`)
  }
  const signal = context.mode === 'strict' || interrupts.graceful.aborted ? interrupts.stop : interrupts.any
  await context.listener.onPhaseStart('rollbacks')
  context.log('info', context.experiment.rollbacks?.length ? "Let's rollback..." : "No declared rollbacks, let's move on.")
  try {
    await withControls(context, 'rollback', context.experiment, () => playAll(context, signal), () => context.journal.rollbacks)
  } catch (error) {
    interruptRollbacks(context, error)
  }
  await context.listener.onPhaseEnd('rollbacks')
}

const playAll = async (context: RunContext, signal: AbortSignal): Promise<void> => {
  const background: Promise<unknown>[] = []
  for (let index = 0; index < (context.experiment.rollbacks ?? []).length; index++) {
    try {
      await playOne(context, index, signal, background)
    } catch (error) {
      if (error instanceof InterruptedError || signal.aborted) {
        interruptRollbacks(context, error)
        break
      }
      context.journal.status = 'aborted'
      context.explain(`A rollback broke unexpectedly: ${error instanceof Error ? error.message : String(error)}.`, true)
    }
  }
  if (!context.interrupts.stop.aborted) await Promise.allSettled(background)
}
