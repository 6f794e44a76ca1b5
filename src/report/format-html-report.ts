import type { ChaosRunRecord } from '../session/chaos-run-record.js'
import type { ChaosTestResult } from './chaos-test-result.js'
import { describeFaults, describeLoad, describeRecovery } from './describe-run.js'
import { escapeHtml } from './escape-html.js'
import { formatProbesTable } from './format-probes-table.js'
import { renderTimelineSvg } from './render-timeline-svg.js'
import { buildRunTimeline } from './run-timeline.js'

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:62rem;color:#263238}
section.test{border-left:4px solid #2e7d32;padding-left:1rem;margin:2.5rem 0}section.test.failed{border-color:#c62828}
table{border-collapse:collapse;margin:.5rem 0}th,td{text-align:left;padding:.2rem .6rem;border-bottom:1px solid #eceff1;vertical-align:top}
td code,td.mono{font-family:ui-monospace,monospace;font-size:.85em}.met{color:#2e7d32}.missed{color:#c62828;font-weight:600}
.verdict-steady{color:#2e7d32}.verdict-deviated,.verdict-not-steady-before{color:#ef6c00}.verdict-failed,.verdict-aborted,.verdict-interrupted{color:#c62828}
ol.marks{columns:2;font-size:.85em;color:#455a64}svg.timeline{max-width:100%;height:auto;background:#fff}`

const verdict = (run: ChaosRunRecord) => `<span class="verdict-${run.verdict}">${run.verdict}</span>`

const formatOverview = (tests: readonly ChaosTestResult[]): string => {
  const rows = tests.flatMap((test, index) =>
    test.runs.map((run) => `<tr><td><a href="#test-${index + 1}">${escapeHtml(test.name)}</a></td><td>${test.state}</td><td>${verdict(run)}</td><td>${escapeHtml(run.title)}</td><td>${escapeHtml(describeRecovery(run))}</td></tr>`),
  )
  const failed = tests.filter((test) => test.state === 'failed').length
  return `<section class="overview"><p>${tests.length} chaos test${tests.length === 1 ? '' : 's'}, ${failed} failed.</p>` +
    `<table><thead><tr><th>test</th><th>result</th><th>verdict</th><th>experiment</th><th>recovery</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
}

const formatRun = (run: ChaosRunRecord): string => {
  const timeline = buildRunTimeline(run)
  const rows = [['verdict', verdict(run)], ['faults', escapeHtml(describeFaults(run))], ['recovery', escapeHtml(describeRecovery(run))], ['load', escapeHtml(describeLoad(run))], ['journal', `<span class="mono">${escapeHtml(run.journalPath)}</span>`]]
  return [
    `<div class="run"><h3>${escapeHtml(run.title)}</h3>`,
    `<table class="figures">${rows.map(([key, value]) => `<tr><th>${key}</th><td>${value}</td></tr>`).join('')}</table>`,
    renderTimelineSvg(timeline, `timeline of ${run.title}`),
    `<ol class="marks">${timeline.marks.map((mark) => `<li>${(mark.atMs / 1000).toFixed(2)} s · ${escapeHtml(mark.label)}</li>`).join('')}</ol>`,
    formatProbesTable(run.journal),
    '</div>',
  ].join('\n')
}

/**
 * A self-contained HTML page (no scripts, no network): a run overview, then one section per chaos test with each run's
 * figures, its timeline (phases, activity and rollback marks, throughput, error rate, p50/p99 latency, SLO lines) and its probes before and after.
 */
export const formatHtmlReport = (tests: readonly ChaosTestResult[]): string => {
  const sections = tests.map((test, index) =>
    `<section class="test ${test.state}" id="test-${index + 1}"><h2>${test.state === 'failed' ? '✗' : '✓'} ${escapeHtml(test.name)}</h2><p>${escapeHtml(test.file)}</p>\n${test.runs.map(formatRun).join('\n')}</section>`)
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chaos experiments</title>
<style>${STYLE}</style></head>
<body><h1>Chaos experiments</h1>
${formatOverview(tests)}
${sections.join('\n')}
</body></html>
`
}
