import { ActivityFailedError, ChaosError } from '../errors.js'
import type { Activity, DryMode } from '../experiment/types.js'
import { formatException } from '../journal/format-exception.js'
import { formatTimestamp, preciseNow, secondsBetween } from '../journal/timestamp.js'
import type { Run } from '../journal/types.js'
import { providerFor } from '../providers/provider-table.js'
import { withControls } from './controls/with-controls.js'
import { pause, pauseSeconds } from './pause.js'
import type { RunContext } from './run-context.js'
import type { Phase } from './run-options.js'

/** How one activity is executed: which phase, which signal stops it, where its record goes. */
export interface ExecutionTarget {
  phase: Phase
  signal: AbortSignal
  /** Called with the record as soon as the activity starts, so a cut-short activity is still recorded. */
  record: (run: Run) => void
}

const isDryRun = (activity: Activity, dry: DryMode | undefined): boolean =>
  dry === 'activities' || (dry === 'actions' && activity.type === 'action') || (dry === 'probes' && activity.type === 'probe')

const pauseAround = async (activity: Activity, when: 'before' | 'after', context: RunContext, signal: AbortSignal): Promise<void> => {
  const seconds = pauseSeconds(activity, when, context)
  if (seconds <= 0) return
  context.log('info', when === 'before' ? `Pausing before next activity for ${seconds}s...` : `Pausing after activity for ${seconds}s...`)
  await pause(seconds, signal)
}

const runProvider = async (activity: Activity, context: RunContext, signal: AbortSignal): Promise<unknown> => {
  const provider = providerFor(activity.provider.type)
  if (!provider) throw new ChaosError(`unknown provider type '${activity.provider.type}' in activity '${activity.name}'; use python, process or http`)
  return provider.run(activity, { ...context.providers, signal })
}

/**
 * chaoslib's `execute_activity`: pauses, dry mode, timing, and a run record whatever happens. A failed
 * activity is data (`status: failed`); an interrupt or an unexpected error leaves the record without a
 * status and is rethrown for the phase to decide.
 *
 * @example
 * const run = await executeActivity(probe, context, { phase: 'method', signal, record: (r) => journal.run.push(r) })
 */
export const executeActivity = async (activity: Activity, context: RunContext, target: ExecutionTarget): Promise<Run> => {
  let run: Run | undefined
  return withControls(context, 'activity', activity, async () => (run = await runActivity(activity, context, target)), () => run)
}

const runActivity = async (activity: Activity, context: RunContext, target: ExecutionTarget): Promise<Run> => {
  const dryRun = isDryRun(activity, context.dry)
  const withPauses = !dryRun && context.dry !== 'pause'
  if (withPauses) await pauseAround(activity, 'before', context, target.signal)
  context.log('info', `${activity.type === 'probe' ? 'Probe' : 'Action'}: ${activity.name}`)
  await context.listener.onActivityStart(activity, target.phase)
  const run = { activity: { ...activity }, output: null } as unknown as Run
  target.record(run)
  const started = preciseNow()
  let unexpected: { error: unknown } | undefined
  try {
    if (!dryRun) run.output = await runProvider(activity, context, target.signal)
    run.status = 'succeeded'
  } catch (error) {
    if (error instanceof ActivityFailedError) {
      run.status = 'failed'
      run.exception = formatException(error)
      context.log('error', `  => failed: ${error.message}`)
    } else {
      unexpected = { error }
    }
  } finally {
    const ended = preciseNow()
    Object.assign(run, { start: formatTimestamp(started), end: formatTimestamp(ended), duration: secondsBetween(started, ended) })
  }
  await context.listener.onActivityEnd(run, target.phase)
  if (unexpected) throw unexpected.error
  if (withPauses) await pauseAround(activity, 'after', context, target.signal)
  return run
}
