import type { Journal } from '../journal/types.js'
import type { LoadReportLike, Slo } from './load-report.js'

/** What the chaos matchers add under `journal['vitest-chaos']`. */
export interface JournalExtras {
  journalPath?: string
  /** Seconds from the end of the method until the hypothesis held again (null: not within `within`). */
  recovery?: { seconds: number | null; within: number }
  load?: LoadReportLike
  /** The objective the run's load was held to, for the report's SLO line. */
  slo?: Slo
}

export const extrasOf = (journal: Journal): JournalExtras => {
  const extension: Record<string, unknown> = journal['vitest-chaos'] ?? {}
  return {
    journalPath: typeof extension.journalPath === 'string' ? extension.journalPath : undefined,
    recovery: extension.recovery as JournalExtras['recovery'],
    load: extension.load as LoadReportLike | undefined,
    slo: extension.slo as Slo | undefined,
  }
}

export const addExtras = (journal: Journal, extras: JournalExtras): void => {
  journal['vitest-chaos'] = { mode: 'strict', ...journal['vitest-chaos'], ...extras }
}

/** True for an object shaped like a Chaos Toolkit journal. */
export const isJournal = (value: unknown): value is Journal =>
  typeof value === 'object' && value !== null && 'steady_states' in value && 'status' in value && 'experiment' in value
