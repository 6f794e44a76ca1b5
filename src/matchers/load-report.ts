import type { LoadPhase, LoadReport, PhaseFigures } from '../drivers/load/load-types.js'

export type { LoadPhase, LoadReport, PhaseFigures }

/** The part of a load report the matchers read: figures per phase (absent phases did not happen). */
export type LoadReportLike = Pick<LoadReport, 'phases'> & Partial<LoadReport>

export const LOAD_PHASES: readonly LoadPhase[] = ['baseline', 'fault', 'recovery']

export const PHASE_LABEL: Record<LoadPhase, string> = { baseline: 'baseline', fault: 'during fault', recovery: 'recovery' }

/** Requests that did not get a 2xx answer: connection errors, timeouts and non-2xx. */
export const failedRequestsOf = (figures: PhaseFigures): number => figures.errors + figures.timeouts + figures.non2xx
