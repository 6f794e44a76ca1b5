import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative } from 'node:path'
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node'
import type { ChaosTaskMeta } from '../matchers/chaos-run-record.js'
import { writeJournal } from '../journal/write-journal.js'
import type { ChaosTestResult } from './chaos-test-result.js'
import { formatConsoleSummary } from './format-console-summary.js'
import { formatHtmlReport } from './format-html-report.js'
import { formatMarkdownSummary } from './format-markdown-summary.js'

export interface ChaosReporterOptions {
  /** Markdown summary file; default `.chaos/summary.md` under the Vitest root. */
  summaryPath?: string
  /** HTML report with each run's load timeline; default `.chaos/report.html` under the Vitest root. */
  htmlPath?: string
  /** Also append the summary to `$GITHUB_STEP_SUMMARY` when it is set (default true). */
  githubStepSummary?: boolean
  /** Print the per-test summary (default true). */
  print?: boolean
  /** Environment to read `GITHUB_STEP_SUMMARY` from; default `process.env`. */
  env?: NodeJS.ProcessEnv
}

/**
 * Writes every chaos test's journals, prints a short summary per chaos test, a Markdown report
 * (also to `$GITHUB_STEP_SUMMARY`) and an HTML report with each run's load timeline. Works beside `default`, `junit` and any other reporter.
 *
 * @example
 * // vitest.config.ts
 * test: { reporters: ['default', 'junit', 'vitest-chaos/reporter'] }
 */
export default class ChaosReporter implements Reporter {
  private root = process.cwd()
  private log: (text: string) => void = (text) => void process.stdout.write(`${text}\n`)
  private colors = false
  private readonly results: ChaosTestResult[] = []
  private readonly writes: Promise<void>[] = []

  constructor(private readonly options: ChaosReporterOptions = {}) {}

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root
    this.log = (text) => vitest.logger.log(text)
    this.colors = process.stdout.isTTY === true
  }

  onTestCaseResult(testCase: TestCase): void {
    const chaos = (testCase.meta() as { chaos?: ChaosTaskMeta }).chaos
    if (!chaos || chaos.runs.length === 0) return
    this.results.push({
      name: testCase.fullName,
      file: relative(this.root, testCase.module.moduleId),
      state: testCase.result().state,
      durationMs: testCase.diagnostic()?.duration,
      runs: chaos.runs,
    })
    for (const run of chaos.runs) {
      const path = isAbsolute(run.journalPath) ? run.journalPath : join(this.root, run.journalPath)
      this.writes.push(writeJournal(path, run.journal))
    }
  }

  async onTestRunEnd(_modules: ReadonlyArray<TestModule>): Promise<void> {
    await Promise.all(this.writes)
    if (this.results.length === 0) return
    if (this.options.print !== false) this.log(`\n${this.results.map((result) => formatConsoleSummary(result, this.colors)).join('\n')}\n`)
    const markdown = formatMarkdownSummary(this.results)
    const summaryPath = this.options.summaryPath ?? join(this.root, '.chaos', 'summary.md')
    await mkdir(dirname(summaryPath), { recursive: true })
    await writeFile(summaryPath, markdown)
    const htmlPath = this.options.htmlPath ?? join(this.root, '.chaos', 'report.html')
    await mkdir(dirname(htmlPath), { recursive: true })
    await writeFile(htmlPath, formatHtmlReport(this.results))
    const stepSummary = (this.options.env ?? process.env).GITHUB_STEP_SUMMARY
    if (stepSummary && this.options.githubStepSummary !== false) await appendFile(stepSummary, `${markdown}\n`)
  }
}
