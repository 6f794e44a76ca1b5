import { ActivityFailedError, InterruptedError } from '../errors.js'
import type { Run } from '../journal/types.js'
import { withControls } from './controls/with-controls.js'
import { executeActivity } from './execute-activity.js'
import { resolveActivity } from './resolve-activity.js'
import type { RunContext } from './run-context.js'

const shouldStop = (context: RunContext): boolean => context.journal.status !== null

const failStrictly = (run: Run, context: RunContext): void => {
  if (context.mode !== 'strict' || run.status !== 'failed' || shouldStop(context)) return
  context.journal.status = 'failed'
  context.explain(`The ${run.activity.type} '${run.activity.name}' failed: ${run.exception?.at(-1)?.trim() ?? 'no error recorded'}.`)
}

const abortMethod = (context: RunContext, error: unknown): void => {
  if (error instanceof InterruptedError || context.interrupts.any.aborted) throw error
  context.journal.status = 'aborted'
  context.explain(`The method stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}.`)
  context.log('critical', `unexpected exception raised while running the method: ${error instanceof Error ? error.message : String(error)}`)
}

const abortBackground = (context: RunContext, error: unknown): void => {
  if (!(error instanceof InterruptedError) && !context.interrupts.any.aborted) abortMethod(context, error)
}

/**
 * chaoslib's `run_method`: activities in order, `background` ones started and awaited at the end
 * (they only stop on an ungraceful stop). A failed activity is recorded and the method goes on (strict
 * mode: the run fails and no new activity starts); an unexpected error makes the run `aborted`.
 *
 * @example
 * await runMethod(context)
 */
export const runMethod = async (context: RunContext): Promise<void> => {
  const { journal } = context
  const background: Promise<void>[] = []
  context.log('info', "Playing your experiment's method now...")
  await context.listener.onPhaseStart('method')
  try {
    await withControls(context, 'method', context.experiment, () => playActivities(context, background), () => journal.run)
  } finally {
    await context.listener.onPhaseEnd('method')
  }
}

const playActivities = async (context: RunContext, background: Promise<void>[]): Promise<void> => {
  const { journal, interrupts } = context
  const record = (run: Run) => journal.run.push(run)
  try {
    for (const entry of context.experiment.method) {
      if (shouldStop(context) || interrupts.any.aborted) break
      const activity = resolveActivity(entry, context.activities)
      if (!activity) throw new ActivityFailedError(`could not find referenced activity '${'ref' in entry ? entry.ref : ''}'`)
      if (activity.background) {
        background.push(executeActivity(activity, context, { phase: 'method', signal: interrupts.stop, record }).then((run) => failStrictly(run, context), (error: unknown) => abortBackground(context, error)))
        continue
      }
      failStrictly(await executeActivity(activity, context, { phase: 'method', signal: interrupts.any, record }), context)
    }
  } catch (error) {
    abortMethod(context, error)
  } finally {
    if (!interrupts.stop.aborted) await Promise.allSettled(background)
  }
}
