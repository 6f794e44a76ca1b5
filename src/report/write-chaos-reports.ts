import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { ChaosTestResult } from './chaos-test-result.js'
import { formatConsoleSummary } from './format-console-summary.js'
import { formatHtmlReport } from './format-html-report.js'
import { formatMarkdownSummary } from './format-markdown-summary.js'

/** Where the chaos reports go and what is printed; shared by the Vitest and Jest reporters. */
export interface ChaosReportOptions {
  /** Markdown summary file; default `.chaos/summary.md` under the root. */
  summaryPath?: string
  /** HTML report (overview, per-run timelines, probes); default `.chaos/report.html` under the root. */
  htmlPath?: string
  /** Also append the summary to `$GITHUB_STEP_SUMMARY` when it is set (default true). */
  githubStepSummary?: boolean
  /** Print the per-test summary (default true). */
  print?: boolean
  /** Environment to read `GITHUB_STEP_SUMMARY` from; default `process.env`. */
  env?: NodeJS.ProcessEnv
}

/** Prints the per-test summary and writes the Markdown summary (also to `$GITHUB_STEP_SUMMARY`) and the HTML report. */
export const writeChaosReports = async (results: readonly ChaosTestResult[], root: string, options: ChaosReportOptions, log: (text: string) => void, colors = false): Promise<void> => {
  if (results.length === 0) return
  if (options.print !== false) log(`\n${results.map((result) => formatConsoleSummary(result, colors)).join('\n')}\n`)
  const markdown = formatMarkdownSummary(results)
  const summaryPath = options.summaryPath ?? join(root, '.chaos', 'summary.md')
  await mkdir(dirname(summaryPath), { recursive: true })
  await writeFile(summaryPath, markdown)
  const htmlPath = options.htmlPath ?? join(root, '.chaos', 'report.html')
  await mkdir(dirname(htmlPath), { recursive: true })
  await writeFile(htmlPath, formatHtmlReport(results))
  const stepSummary = (options.env ?? process.env).GITHUB_STEP_SUMMARY
  if (stepSummary && options.githubStepSummary !== false) await appendFile(stepSummary, `${markdown}\n`)
}
