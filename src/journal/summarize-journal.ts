import type { Journal, Run, SteadyState } from './types.js'

const describeState = (label: string, state: SteadyState | null): string => {
  if (state === null) return `${label}: not checked`
  if (state.steady_state_met) return `${label}: met (${state.probes.length} probe${state.probes.length === 1 ? '' : 's'})`
  const last = state.probes.at(-1)
  if (!last) return `${label}: not met`
  const why = last.status === 'failed' ? `probe '${last.activity.name}' failed: ${lastLine(last)}` : `probe '${last.activity.name}' missed its tolerance (got ${preview(last.output)})`
  return `${label}: NOT met, ${why}`
}

const describeRuns = (label: string, runs: Run[]): string[] => {
  if (runs.length === 0) return [`${label}: none run`]
  const failed = runs.filter((run) => run.status === 'failed')
  const cut = runs.filter((run) => run.status === undefined)
  const counts = [`${runs.length - failed.length - cut.length} succeeded`, failed.length ? `${failed.length} failed` : '', cut.length ? `${cut.length} cut short` : '']
  return [
    `${label}: ${counts.filter(Boolean).join(', ')}`,
    ...failed.map((run) => `  ✗ ${run.activity.type} '${run.activity.name}': ${lastLine(run)}`),
    ...cut.map((run) => `  … ${run.activity.type} '${run.activity.name}' did not finish`),
  ]
}

const lastLine = (run: Run): string => (run.exception?.at(-1) ?? 'no error recorded').trim()

const preview = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

/**
 * A few lines a person can read after a run: outcome, each phase, failures, rollbacks.
 *
 * @example
 * console.log(summarizeJournal(journal))
 */
export const summarizeJournal = (journal: Journal): string => {
  const during = journal.steady_states.during
  const missedDuring = during.filter((state) => state.steady_state_met === false).length
  const lines = [
    `Experiment: ${journal.experiment.title}`,
    `Status: ${journal.status}${journal.deviated ? ' (deviated)' : ''} after ${journal.duration.toFixed(2)}s`,
    ...(journal['vitest-chaos']?.reason ? [`Why: ${journal['vitest-chaos'].reason}`] : []),
    describeState('Steady state before', journal.steady_states.before),
    ...(during.length ? [`Steady state during: ${during.length - missedDuring} of ${during.length} checks met`] : []),
    ...describeRuns('Method', journal.run),
    describeState('Steady state after', journal.steady_states.after),
    ...describeRuns('Rollbacks', journal.rollbacks),
  ]
  return `${lines.join('\n')}\n`
}
