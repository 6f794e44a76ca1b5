import { InterruptedError } from '../errors.js'
import type { Experiment } from '../experiment/types.js'
import { formatTimestamp, preciseNow, secondsBetween } from '../journal/timestamp.js'
import type { Journal } from '../journal/types.js'
import { startContinuousHypothesis } from './continuous.js'
import { applyLevelControls, cleanupControls, configureControls } from './controls/with-controls.js'
import { createRunContext } from './create-run-context.js'
import { runDeviationValidationHypothesis, runGateHypothesis } from './hypothesis-phases.js'
import { describeInterrupt } from './interrupts.js'
import { runMethod } from './method.js'
import { playRollbacks } from './rollbacks.js'
import type { RunContext } from './run-context.js'
import type { RunOptions } from './run-options.js'

const runPhases = async (context: RunContext): Promise<void> => {
  await applyLevelControls(context, 'experiment', 'before', context.experiment)
  if (!(await runGateHypothesis(context))) return
  const during = await startContinuousHypothesis(context)
  try {
    await runMethod(context)
  } finally {
    await during.stop()
  }
  await runDeviationValidationHypothesis(context)
}

const recordBreak = (context: RunContext, error: unknown): void => {
  const interrupted = error instanceof InterruptedError || context.interrupts.any.aborted
  context.journal.status = interrupted ? 'interrupted' : 'aborted'
  if (interrupted) return context.explain(`The run was ${describeInterrupt(context.interrupts.any)}.`, true)
  context.explain(`The run stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}.`, true)
  context.log('critical', `unexpected error: ${error instanceof Error ? error.message : String(error)}`)
}

const closeJournal = (context: RunContext): Journal => {
  const { journal } = context
  const endMs = preciseNow()
  journal.end = formatTimestamp(endMs)
  journal.duration = secondsBetween(context.startedMs, endMs)
  journal.status ??= 'completed'
  const failed = journal.run.filter((run) => run.status === 'failed').length
  const failures = failed === 0 ? '' : ` (${failed} method ${failed === 1 ? 'activity' : 'activities'} failed, which compatible mode does not count against the run)`
  const checked = journal.steady_states.before !== null || journal.steady_states.after !== null
  const held = checked ? 'Every phase ran and the steady-state hypothesis held' : 'Every phase ran; no steady-state hypothesis was checked'
  context.explain(journal.deviated ? 'The system deviated from its steady state.' : `${held}${failures}.`)
  context.log('info', `Experiment ended with status: ${journal.deviated ? 'deviated' : journal.status}`)
  return journal as Journal
}

/** chaoslib's end of a run: the experiment's after-controls with the journal as state, then every control's cleanup. */
const endControls = async (context: RunContext, journal: Journal): Promise<void> => {
  try {
    await applyLevelControls(context, 'experiment', 'after', context.experiment, journal)
  } catch (error) {
    context.log('warning', `an after-experiment control tried to interrupt a run that had already ended: ${error instanceof Error ? error.message : String(error)}`)
  }
  await cleanupControls(context)
}

/**
 * Runs a Chaos Toolkit experiment: hypothesis before → method (with the continuous hypothesis when
 * asked) → hypothesis after → rollbacks, and returns its journal. Findings (deviation, failed
 * activities, interrupts) are journal data; only a misconfigured experiment throws.
 *
 * @example
 * const journal = await runExperiment(experiment, { mode: 'strict', rollbackStrategy: 'always' })
 * if (journal.deviated) console.log(summarizeJournal(journal))
 */
export const runExperiment = async (experiment: Experiment, options: RunOptions = {}): Promise<Journal> => {
  const context = await createRunContext(experiment, options)
  context.log('info', `Running experiment: ${context.experiment.title}`)
  context.log('info', `Steady-state strategy: ${context.hypothesisStrategy}`)
  context.log('info', `Rollbacks strategy: ${context.rollbackStrategy}`)
  if ((context.experiment['steady-state-hypothesis']?.probes?.length ?? 0) === 0) context.log('info', "No steady state hypothesis defined. That's ok, just exploring.")
  try {
    await configureControls(context)
    await context.listener.onRunStart(context.journal.experiment)
    try {
      await runPhases(context)
    } catch (error) {
      recordBreak(context, error)
    }
    await playRollbacks(context)
    const journal = closeJournal(context)
    await endControls(context, journal)
    await context.listener.onRunEnd(journal)
    return journal
  } finally {
    context.interrupts.dispose()
    await context.providers.python?.stop()
  }
}
