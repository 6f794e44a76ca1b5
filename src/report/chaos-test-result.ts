import type { ChaosRunRecord } from '../session/chaos-run-record.js'

/** One finished test that ran chaos experiments, as the reporter sees it. */
export interface ChaosTestResult {
  /** Full test name, `file > describe > test`. */
  name: string
  file: string
  state: 'passed' | 'failed' | 'skipped' | 'pending'
  durationMs?: number
  runs: ChaosRunRecord[]
}
