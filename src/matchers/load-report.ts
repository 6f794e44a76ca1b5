/** Load phases, in the order they happen around a fault. */
export type LoadPhase = 'baseline' | 'fault' | 'recovery'

export const LOAD_PHASES: readonly LoadPhase[] = ['baseline', 'fault', 'recovery']

/** Figures of one load phase; latencies in milliseconds, `errorRate` in 0..1. */
export interface LoadPhaseFigures {
  sent: number
  errors: number
  throughput: number
  errorRate: number
  p50: number
  p90: number
  p99: number
  max: number
}

/** The part of a load report the matchers read: figures per phase (absent phases did not happen). */
export interface LoadReportLike {
  phases: Partial<Record<LoadPhase, LoadPhaseFigures>>
}

export const PHASE_LABEL: Record<LoadPhase, string> = { baseline: 'baseline', fault: 'during fault', recovery: 'recovery' }
