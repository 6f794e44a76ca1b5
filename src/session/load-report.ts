import type { Duration } from '../authoring/duration.js'
import type { LoadPhase, LoadReport, PhaseFigures } from '../drivers/load/load-types.js'

export type { LoadPhase, LoadReport, PhaseFigures }

/** The part of a load report the matchers read: figures per phase (absent phases did not happen). */
export type LoadReportLike = Pick<LoadReport, 'phases'> & Partial<LoadReport>

export const LOAD_PHASES: readonly LoadPhase[] = ['baseline', 'fault', 'recovery']

export const PHASE_LABEL: Record<LoadPhase, string> = { baseline: 'baseline', fault: 'during fault', recovery: 'recovery' }

/** Requests that did not get a 2xx answer: connection errors, timeouts and non-2xx. */
export const failedRequestsOf = (figures: PhaseFigures): number => figures.errors + figures.timeouts + figures.non2xx

/**
 * The failed share as `(failed/ended)`, the error rate's own terms, plus `, N cut by the stop` when the load was cut
 * with requests in flight (counted once, neither good nor bad).
 */
export const describeFailedShare = (figures: PhaseFigures): string => {
  // journals written before the cut bucket existed have no `cut`
  const cut = (figures.cut as number | undefined) ?? 0
  return `(${failedRequestsOf(figures)}/${figures.sent - cut})${cut > 0 ? `, ${cut} cut by the stop` : ''}`
}

/** Service-level objective for load figures; every phase present must meet it unless `phases` narrows it. */
export interface Slo {
  /** Highest acceptable 99th percentile latency; a bare number is milliseconds. */
  p99?: Duration
  /** Highest acceptable share of failed requests (errors + timeouts + non-2xx), 0..1. */
  errorRate?: number
  /** Lowest acceptable throughput in requests per second. */
  minThroughput?: number
  phases?: LoadPhase[]
}
