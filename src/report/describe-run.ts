import { formatDuration } from '../authoring/duration.js'
import type { ChaosRunRecord } from '../session/chaos-run-record.js'
import { describeFailedShare, type PhaseFigures } from '../session/load-report.js'

const phaseFigures = (label: string, figures: PhaseFigures | undefined): string | undefined =>
  figures &&
  `${label} ${figures.throughput.toFixed(0)} req/s p99 ${formatDuration(figures.latencyMs.p99)} errors ${(figures.errorRate * 100).toFixed(1)}% ${describeFailedShare(figures)}`

/** Recovery as text: `4.2s`, `not within 30s`, or `-` when not measured. */
export const describeRecovery = (run: ChaosRunRecord): string => {
  if (run.recoverySeconds === undefined) return '-'
  if (run.recoverySeconds === null) {
    const within = run.journal['vitest-chaos']?.recovery as { within?: number } | undefined
    return within?.within === undefined ? 'did not recover' : `not within ${formatDuration(within.within * 1000)}`
  }
  return formatDuration(run.recoverySeconds * 1000)
}

/** Load figures per phase on one line, or `-` without load. */
export const describeLoad = (run: ChaosRunRecord): string => {
  const phases = run.load?.phases
  if (!phases) return '-'
  return [phaseFigures('baseline', phases.baseline), phaseFigures('fault', phases.fault), phaseFigures('recovery', phases.recovery)].filter(Boolean).join('; ')
}

/** The faults of a run, or `none`. */
export const describeFaults = (run: ChaosRunRecord): string => (run.faults.length > 0 ? run.faults.join(', ') : 'none')
