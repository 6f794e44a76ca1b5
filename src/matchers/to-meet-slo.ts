import { formatDuration, parseDuration } from '../authoring/duration.js'
import { explainLoad } from '../session/explain-journal.js'
import { describeFailedShare, LOAD_PHASES, PHASE_LABEL, type LoadReportLike, type Slo } from '../session/load-report.js'
import { findInvalidOptions } from '../options/check-options.js'
import { sloSchema } from '../options/slo-schema.js'
import { hintFor, type ChaosMatcherResult, type MatcherContextLike } from './matcher-context.js'

/** Each SLO breach in a load report, one line per phase and figure. */
export const findSloBreaches = (report: LoadReportLike, slo: Slo): string[] => {
  const p99Ms = slo.p99 === undefined ? undefined : parseDuration(slo.p99)
  return (slo.phases ?? LOAD_PHASES).flatMap((phase) => {
    const figures = report.phases[phase]
    if (!figures) return []
    const where = PHASE_LABEL[phase]
    return [
      p99Ms !== undefined && figures.latencyMs.p99 > p99Ms ? `${where}: p99 ${formatDuration(figures.latencyMs.p99)} > ${formatDuration(p99Ms)}` : '',
      slo.errorRate !== undefined && figures.errorRate > slo.errorRate
        ? `${where}: error rate ${(figures.errorRate * 100).toFixed(2)}% ${describeFailedShare(figures)} > ${(slo.errorRate * 100).toFixed(2)}%`
        : '',
      slo.minThroughput !== undefined && figures.throughput < slo.minThroughput
        ? `${where}: throughput ${figures.throughput.toFixed(1)} req/s < ${slo.minThroughput} req/s`
        : '',
    ].filter(Boolean)
  })
}

const isLoadReport = (value: unknown): value is LoadReportLike =>
  typeof value === 'object' && value !== null && typeof (value as { phases?: unknown }).phases === 'object'

/** `expect(loadReport).toMeetSlo({ p99: '500ms', errorRate: 0 })`: every load phase met the objective. */
export function toMeetSlo(this: MatcherContextLike, received: unknown, slo: Slo): ChaosMatcherResult {
  const invalid = findInvalidOptions('slo', sloSchema, slo)
  if (invalid) return { pass: this.isNot === true, message: () => `${hintFor(this, 'toMeetSlo', 'loadReport', 'slo')}\n\n${invalid.message}` }
  if (!isLoadReport(received)) {
    return {
      pass: this.isNot === true,
      message: () => `${hintFor(this, 'toMeetSlo', 'loadReport', 'slo')}\n\nExpected a load report (from startLoad().stop()), received ${this.utils.printReceived(received)}`,
    }
  }
  const breaches = findSloBreaches(received, slo)
  const pass = breaches.length === 0
  return {
    pass,
    message: () =>
      `${hintFor(this, 'toMeetSlo', 'loadReport', 'slo')}\n\n` +
      (pass ? 'Expected the load to miss the SLO, but every phase met it.' : `Expected the load to meet the SLO, but:\n${breaches.map((b) => `  ${b}`).join('\n')}`) +
      `\nLoad:\n${explainLoad(received).join('\n')}`,
    actual: breaches,
    expected: [],
  }
}
