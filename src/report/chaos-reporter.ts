import { isAbsolute, join, relative } from 'node:path'
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node'
import type { ChaosTaskMeta } from '../session/chaos-run-record.js'
import { writeJournal } from '../journal/write-journal.js'
import type { ChaosTestResult } from './chaos-test-result.js'
import { writeChaosReports, type ChaosReportOptions } from './write-chaos-reports.js'

export type ChaosReporterOptions = ChaosReportOptions

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
  protected log: (text: string) => void = (text) => void process.stdout.write(`${text}\n`)
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
    await writeChaosReports(this.results, this.root, this.options, this.log, this.colors)
  }
}
