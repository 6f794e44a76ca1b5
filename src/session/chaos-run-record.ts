import type { Journal } from '../journal/types.js'
import type { LoadReportLike } from './load-report.js'

/** How a chaos run ended, from the test's point of view. */
export type ChaosVerdict = 'steady' | 'deviated' | 'not-steady-before' | 'failed' | 'interrupted' | 'aborted'

/** One run of an experiment inside a test, attached to `task.meta.chaos.runs` for reporters. */
export interface ChaosRunRecord {
  title: string
  verdict: ChaosVerdict
  /** Titles of the faults applied (method actions). */
  faults: string[]
  /** Seconds from the end of the method until the hypothesis held again; null when it did not within the bound. */
  recoverySeconds?: number | null
  load?: LoadReportLike
  journalPath: string
  journal: Journal
}

/** `task.meta.chaos`: every chaos run of one test, in order. */
export interface ChaosTaskMeta {
  runs: ChaosRunRecord[]
}

/** The verdict a journal implies. */
export const verdictOf = (journal: Journal): ChaosVerdict => {
  if (journal.status === 'interrupted' || journal.status === 'aborted') return journal.status
  // strict mode marks a before-hypothesis miss as failed; it is still the system's state, not a broken run
  if (journal.steady_states.before?.steady_state_met === false) return 'not-steady-before'
  // a probe that errors after the method still means deviated (Chaos Toolkit then says status failed); a failed action does not
  if (journal.run.some((run) => run.status === 'failed')) return 'failed'
  if (journal.deviated) return 'deviated'
  if (journal.status === 'failed') return 'failed'
  return 'steady'
}
