import type { Journal, Run } from '../journal/types.js'
import { escapeHtml } from './escape-html.js'

const MAX_VALUE = 80

/** A probe's output in one short line: an HTTP answer by its status, anything else as JSON. */
const describeValue = (run: Run | undefined): string => {
  if (!run) return '-'
  if (run.status === 'failed') return run.exception?.at(-1)?.trim() ?? 'failed'
  const output = run.output as { status?: unknown } | null | undefined
  const text = typeof output === 'object' && output !== null && typeof output.status === 'number' ? `HTTP ${output.status}` : JSON.stringify(run.output) ?? 'none'
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text
}

const describeTolerance = (run: Run | undefined): string => {
  const tolerance = (run?.activity as { tolerance?: unknown } | undefined)?.tolerance
  return tolerance === undefined ? '-' : JSON.stringify(tolerance)
}

const met = (run: Run | undefined): string => (run?.tolerance_met === undefined ? '-' : run.tolerance_met ? '<span class="met">met</span>' : '<span class="missed">missed</span>')

/** The hypothesis probes before and after the method: value, tolerance and whether it was met. */
export const formatProbesTable = (journal: Journal): string => {
  const before = journal.steady_states.before?.probes ?? []
  const after = journal.steady_states.after?.probes ?? []
  const names = [...new Set([...before, ...after].map((run) => run.activity.name))]
  if (names.length === 0) return ''
  const find = (runs: readonly Run[], name: string) => runs.find((run) => run.activity.name === name)
  const rows = names.map((name) => {
    const [b, a] = [find(before, name), find(after, name)]
    return `<tr><td>${escapeHtml(name)}</td><td><code>${escapeHtml(describeTolerance(b ?? a))}</code></td><td>${escapeHtml(describeValue(b))}</td><td>${met(b)}</td><td>${escapeHtml(describeValue(a))}</td><td>${met(a)}</td></tr>`
  })
  return `<table class="probes"><thead><tr><th rowspan="2">probe</th><th rowspan="2">tolerance</th><th colspan="2">before the method</th><th colspan="2">after the method</th></tr><tr><th>value</th><th>met</th><th>value</th><th>met</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}
