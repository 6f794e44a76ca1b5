import { defineExperiment } from '../authoring/define-experiment.js'
import { formatDuration, parseDuration, type Duration } from '../authoring/duration.js'
import type { FaultDefinition } from '../authoring/fault.js'
import type { SteadyStateDefinition } from '../authoring/steady-state.js'
import type { HypothesisStrategy } from '../experiment/types.js'
import type { Journal } from '../journal/types.js'
import { runExperiment } from '../run/run-experiment.js'
import type { Phase } from '../run/run-options.js'
import { catalogFor } from '../session/catalog-for.js'
import { verdictOf } from '../session/chaos-run-record.js'
import { explainJournal } from '../session/explain-journal.js'
import { addExtras } from '../session/journal-extras.js'
import type { LoadReportLike } from '../session/load-report.js'
import { hintFor, type ChaosMatcherResult, type MatcherContextLike } from './matcher-context.js'
import { recordRun } from '../session/record-run.js'
import { linkSignal } from '../session/linked-signal.js'
import { currentRunScope, runInScope, type RunScope } from '../session/run-scope.js'
import { startPhaseLoad, type ChaosLoadOptions, type PhaseLoad } from '../session/start-phase-load.js'
import { findSloBreaches } from './to-meet-slo.js'
import type { Slo } from '../session/load-report.js'
import { waitForRecovery } from '../session/wait-for-recovery.js'
import { checkOptions } from '../options/check-options.js'
import { staySteadyOptionsSchema } from '../options/stay-steady-options-schema.js'

export interface StaySteadyOptions {
  /** Traffic driven through the system from just before the fault until the rollbacks. */
  load?: ChaosLoadOptions
  /** Objective every load phase must meet. */
  slo?: Slo
  /** After the method, the hypothesis must hold again within this bound (checked on every change of what its probes read, and at least every `recoveryInterval`). */
  recoverWithin?: Duration
  /** Default '50ms'. */
  recoveryInterval?: Duration
  /** How long the hypothesis must go on holding before recovery counts (default `'1s'`; `'0ms'` takes the first success). */
  recoverySettle?: Duration
  hypothesisStrategy?: HypothesisStrategy
}

const isSteadyState = (value: unknown): value is SteadyStateDefinition =>
  typeof value === 'object' && value !== null && typeof (value as SteadyStateDefinition).title === 'string' && Array.isArray((value as SteadyStateDefinition).probes)

const isFault = (value: unknown): value is FaultDefinition =>
  typeof value === 'object' && value !== null && Array.isArray((value as FaultDefinition).method)

interface Outcome {
  journal: Journal
  load?: LoadReportLike
  recoverySeconds?: number | null
  journalPath: string
}

const runAround = async (hypothesis: SteadyStateDefinition, fault: FaultDefinition, options: StaySteadyOptions, context: MatcherContextLike, scope: RunScope): Promise<Outcome> => {
  checkOptions('toStaySteadyDuring', staySteadyOptionsSchema, options)
  const experiment = defineExperiment({ title: `${hypothesis.title} during ${fault.title}`, steadyState: hypothesis, fault })
  const catalog = await catalogFor(experiment, scope.catalog)
  const { signal, release } = linkSignal(scope.signal)
  let load: PhaseLoad | undefined
  let loadReport: LoadReportLike | undefined
  let recoverySeconds: number | null | undefined
  const stopLoad = async () => {
    if (load && !loadReport) loadReport = await load.stop()
  }
  let loadError: unknown
  const onPhaseStart = async (phase: Phase) => {
    // the engine swallows listener errors, so keep the load's to report it
    if (phase === 'method' && options.load) load = await startPhaseLoad(options.load, signal).catch((error: unknown) => void (loadError = error))
    if (phase === 'rollbacks') await stopLoad()
  }
  const onPhaseEnd = async (phase: Phase) => {
    if (phase !== 'method') return
    load?.mark('recovery')
    if (options.recoverWithin === undefined) return
    recoverySeconds = await waitForRecovery(hypothesis, {
      withinMs: parseDuration(options.recoverWithin),
      intervalMs: parseDuration(options.recoveryInterval ?? '50ms'),
      ...(options.recoverySettle !== undefined && { settleMs: parseDuration(options.recoverySettle) }),
      catalog,
      signal,
    })
  }
  try {
    const journal = await runExperiment(experiment, {
      mode: 'strict',
      catalog,
      rollbackStrategy: 'always',
      hypothesisStrategy: options.hypothesisStrategy,
      signal,
      listener: { onPhaseStart, onPhaseEnd },
    })
    await stopLoad()
    if (loadError !== undefined) throw new Error(`the load could not start: ${loadError instanceof Error ? loadError.message : JSON.stringify(loadError)}`, { cause: loadError })
    const within = options.recoverWithin === undefined ? undefined : parseDuration(options.recoverWithin) / 1000
    addExtras(journal, {
      ...(loadReport && { load: loadReport }),
      ...(options.slo && { slo: options.slo }),
      ...(within !== undefined && { recovery: { seconds: recoverySeconds ?? null, within } }),
    })
    const journalPath = await recordRun(context, journal, { load: loadReport, recoverySeconds })
    return { journal, load: loadReport, recoverySeconds, journalPath }
  } finally {
    await stopLoad().catch(() => undefined)
    release()
  }
}

const judge = (outcome: Outcome, options: StaySteadyOptions): { steady: boolean; conclusive: boolean; reasons: string[] } => {
  const verdict = verdictOf(outcome.journal)
  if (verdict === 'not-steady-before') return { steady: false, conclusive: false, reasons: ['the hypothesis did not hold before the fault, so the fault was not applied'] }
  if (verdict === 'failed' || verdict === 'aborted' || verdict === 'interrupted') {
    return { steady: false, conclusive: false, reasons: [`the run ${verdict}; fix the run before reading its outcome`] }
  }
  const failedRollbacks = outcome.journal.rollbacks.filter((run) => run.status !== 'succeeded').map((run) => run.activity.name)
  if (failedRollbacks.length > 0) {
    return { steady: false, conclusive: false, reasons: [`rollback ${failedRollbacks.join(', ')} did not succeed, so the system may still be faulty`] }
  }
  const reasons: string[] = []
  if (verdict === 'deviated') reasons.push('the hypothesis no longer held after the fault')
  const within = options.recoverWithin === undefined ? undefined : parseDuration(options.recoverWithin)
  if (within !== undefined && outcome.recoverySeconds === null) reasons.push(`it did not recover within ${formatDuration(within)}`)
  if (options.slo && outcome.load) reasons.push(...findSloBreaches(outcome.load, options.slo).map((breach) => `SLO missed, ${breach}`))
  return { steady: reasons.length === 0, conclusive: true, reasons }
}

/**
 * `await expect(hypothesis).toStaySteadyDuring(fault, options)`: checks the hypothesis, drives load, applies the fault,
 * measures recovery, checks the SLO, and always rolls back (strict mode).
 */
export async function toStaySteadyDuring(this: MatcherContextLike, received: unknown, fault: FaultDefinition, options: StaySteadyOptions = {}): Promise<ChaosMatcherResult> {
  const hint = hintFor(this, 'toStaySteadyDuring', 'steadyState', 'fault')
  if (!isSteadyState(received) || !isFault(fault)) {
    const what = !isSteadyState(received) ? `a steadyState(title, probes) as received value, got ${this.utils.printReceived(received)}` : `a fault(title, { actions }) as argument, got ${this.utils.printExpected(fault)}`
    return { pass: this.isNot === true, message: () => `${hint}\n\nExpected ${what}` }
  }
  // the scope is fixed here, so the run, its load report and its rollbacks all record on the test that started it
  const scope = currentRunScope(this.task)
  const pending = runInScope(scope, () => runAround(received, fault, options, this, scope))
  scope.track?.(pending)
  let outcome: Outcome
  try {
    outcome = await pending
  } catch (error) {
    return { pass: this.isNot === true, message: () => `${hint}\n\nThe run could not be carried out: ${error instanceof Error ? error.message : String(error)}` }
  }
  const { steady, conclusive, reasons } = judge(outcome, options)
  const subject = `"${received.title}" ${this.isNot && conclusive ? 'not ' : ''}to stay steady during "${fault.title}"`
  const why = steady ? 'the hypothesis held, it recovered in time and the SLO was met' : reasons.join('; ')
  return {
    pass: conclusive ? steady : this.isNot === true,
    message: () =>
      `${hint}\n\nExpected ${subject}, but ${why}.\n` +
      explainJournal(outcome.journal, { journalPath: outcome.journalPath, load: outcome.load, recoverySeconds: outcome.recoverySeconds }),
    actual: { steady, reasons },
    expected: { steady: !this.isNot },
  }
}
