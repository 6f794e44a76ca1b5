import type { ChaosTestResult } from './chaos-test-result.js'
import { describeFaults, describeLoad, describeRecovery } from './describe-run.js'
import { renderTimelineSvg } from './render-timeline-svg.js'

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A self-contained HTML page: one section per chaos test, each run with its verdict, figures and load timeline. */
export const formatHtmlReport = (tests: readonly ChaosTestResult[]): string => {
  const sections = tests.map((test) => {
    const runs = test.runs.map((run) => {
      const rows = [
        ['verdict', run.verdict],
        ['faults', describeFaults(run)],
        ['recovery', describeRecovery(run)],
        ['load', describeLoad(run)],
        ['journal', run.journalPath],
      ]
      return [
        `<h3>${escapeHtml(run.title)}</h3>`,
        `<table>${rows.map(([key, value]) => `<tr><th>${key}</th><td>${escapeHtml(value!)}</td></tr>`).join('')}</table>`,
        run.load?.timeline ? renderTimelineSvg(run.load.timeline, `load timeline of ${run.title}`) : '',
      ].join('\n')
    })
    return `<section class="${test.state}"><h2>${test.state === 'failed' ? '✗' : '✓'} ${escapeHtml(test.name)}</h2><p>${escapeHtml(test.file)}</p>\n${runs.join('\n')}</section>`
  })
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chaos experiments</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}section{border-left:4px solid #2e7d32;padding-left:1rem;margin-bottom:2rem}
section.failed{border-color:#c62828}th{text-align:left;padding-right:1rem;vertical-align:top}td{font-family:monospace}</style></head>
<body><h1>Chaos experiments</h1>
${sections.join('\n')}
</body></html>
`
}
