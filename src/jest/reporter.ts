import { relative } from 'node:path'
import type { ChaosTestResult } from '../report/chaos-test-result.js'
import { writeChaosReports, type ChaosReportOptions } from '../report/write-chaos-reports.js'
import { clearTestRecords, readTestRecords } from './test-records.js'

// the parts of Jest's reporter arguments we read (types from @jest/reporters, kept local so the reporter needs no Jest import)
interface AssertionLike { fullName: string; status: string; duration?: number | null }
interface AggregatedLike { testResults: { testFilePath: string; testResults: AssertionLike[] }[] }

const stateOf = (status: string | undefined): ChaosTestResult['state'] => (status === 'passed' || status === 'failed' ? status : status === 'pending' || status === 'todo' ? 'pending' : 'skipped')

/**
 * Jest reporter: prints a short summary per chaos test and writes `.chaos/summary.md` (also to `$GITHUB_STEP_SUMMARY`) and
 * `.chaos/report.html`; the journals are already under `.chaos/journals`.
 *
 * @example
 * // jest.config.json
 * { "reporters": ["default", "vitest-chaos/jest/reporter"] }
 */
export default class ChaosJestReporter {
  private readonly root = process.cwd()

  constructor(_globalConfig?: unknown, private readonly options: ChaosReportOptions = {}) {}

  async onRunStart(): Promise<void> {
    await clearTestRecords(this.root)
  }

  async onRunComplete(_contexts: unknown, results: AggregatedLike): Promise<void> {
    const records = await readTestRecords(this.root)
    const assertions = new Map(results.testResults.flatMap((file) => file.testResults.map((assertion) => [`${file.testFilePath}\u0000${assertion.fullName}`, assertion] as const)))
    const tests: ChaosTestResult[] = records.map((record) => {
      const assertion = assertions.get(`${record.testPath}\u0000${record.testName}`)
      return { name: record.testName, file: relative(this.root, record.testPath), state: stateOf(assertion?.status), ...(assertion?.duration != null && { durationMs: assertion.duration }), runs: record.runs }
    })
    await writeChaosReports(tests, this.root, this.options, (text) => void process.stdout.write(`${text}\n`), process.stdout.isTTY === true)
  }
}
