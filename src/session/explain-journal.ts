import type { Journal, Run, SteadyState } from '../journal/types.js'
import { formatDuration } from '../authoring/duration.js'
import { describeFailedShare, LOAD_PHASES, PHASE_LABEL, type LoadReportLike } from './load-report.js'

const preview = (value: unknown, max = 80): string => {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  return text.length > max ? `${text.slice(0, max - 3)}...` : text
}

/** An activity output as a person reads it: `status 503, body "..."`, `exit code 28`, or the value. */
export const describeOutput = (output: unknown): string => {
  if (typeof output === 'object' && output !== null && 'status' in output) {
    const { status, body, stderr } = output as { status: unknown; body?: unknown; stderr?: unknown }
    const isProcess = 'stdout' in output
    const detail = isProcess ? (typeof stderr === 'string' && stderr.trim() ? `, stderr ${preview(stderr.trim(), 60)}` : '') : body !== undefined ? `, body ${preview(body, 60)}` : ''
    return `${isProcess ? 'exit code' : 'status'} ${String(status)}${detail}`
  }
  return preview(output)
}

const describeProbe = (run: Run, when: string): string => {
  const name = `probe "${run.activity.name}" ${when}`
  if (run.status === 'failed') return `${name} failed: ${(run.exception?.at(-1) ?? 'no error recorded').trim()}`
  const tolerance = run.activity.type === 'probe' ? preview(run.activity.tolerance) : 'none'
  return `${name} returned ${describeOutput(run.output)}; tolerance ${tolerance}`
}

const missedProbe = (state: SteadyState | null): Run | undefined =>
  state?.steady_state_met === false ? state.probes.find((run) => run.tolerance_met === false || run.status === 'failed') : undefined

/** The probe that broke the hypothesis, with where, what it returned and its tolerance; undefined when none did. */
export const explainMissedProbe = (journal: Journal): string | undefined => {
  const before = missedProbe(journal.steady_states.before)
  if (before) return describeProbe(before, 'before the method')
  const after = missedProbe(journal.steady_states.after)
  if (after) return describeProbe(after, 'after the method')
  const during = journal.steady_states.during.map(missedProbe).find(Boolean)
  return during ? describeProbe(during, 'during the method') : undefined
}

/** Failed method or rollback activities, one line each. */
export const explainFailedActivities = (journal: Journal): string[] =>
  [...journal.run.map((run) => ['action', run] as const), ...journal.rollbacks.map((run) => ['rollback', run] as const)]
    .filter(([, run]) => run.status === 'failed')
    .map(([kind, run]) => `${kind} "${run.activity.name}" failed: ${(run.exception?.at(-1) ?? 'no error recorded').trim()}`)

const percent = (rate: number): string => `${(rate * 100).toFixed(rate > 0 && rate < 0.001 ? 3 : 1)}%`

/** One line per load phase: throughput, latency percentiles and errors. */
export const explainLoad = (report: LoadReportLike): string[] =>
  LOAD_PHASES.flatMap((phase) => {
    const figures = report.phases[phase]
    if (!figures) return []
    return [
      `  ${PHASE_LABEL[phase].padEnd(13)} ${figures.throughput.toFixed(0).padStart(5)} req/s  p50 ${formatDuration(figures.latencyMs.p50)}  ` +
        `p99 ${formatDuration(figures.latencyMs.p99)}  max ${formatDuration(figures.latencyMs.max)}  ` +
        `errors ${percent(figures.errorRate)} ${describeFailedShare(figures)}`,
    ]
  })

/** Lines that explain a run: status, the probe that broke it, failed activities, recovery, load and the journal's path. */
export const explainJournal = (journal: Journal, extra: { journalPath?: string; load?: LoadReportLike; recoverySeconds?: number | null } = {}): string => {
  const probe = explainMissedProbe(journal)
  const reason = journal['vitest-chaos']?.reason
  const lines = [
    `Status: ${journal.status}, deviated: ${journal.deviated}${reason ? ` (${reason})` : ''}`,
    ...(probe ? [`Hypothesis: ${probe}`] : []),
    ...explainFailedActivities(journal),
    ...(extra.recoverySeconds !== undefined
      ? [extra.recoverySeconds === null ? 'Recovery: the hypothesis did not hold again in time' : `Recovery: ${formatDuration(extra.recoverySeconds * 1000)}`]
      : []),
    ...(extra.load ? ['Load:', ...explainLoad(extra.load)] : []),
    ...(extra.journalPath ? [`Journal: ${extra.journalPath}`] : []),
  ]
  return lines.join('\n')
}
