import pc from 'picocolors'
import type { ChaosVerdict } from '../session/chaos-run-record.js'
import type { ChaosTestResult } from './chaos-test-result.js'
import { describeFaults, describeLoad, describeRecovery } from './describe-run.js'

const paint: Record<ChaosVerdict, (text: string) => string> = {
  steady: pc.green,
  deviated: pc.yellow,
  'not-steady-before': pc.yellow,
  failed: pc.red,
  interrupted: pc.red,
  aborted: pc.red,
}

/** A few lines per chaos test: verdict, faults, recovery, load and journal of each run. */
export const formatConsoleSummary = (test: ChaosTestResult, colors = false): string => {
  const color = (verdict: ChaosVerdict, text: string) => (colors ? paint[verdict](text) : text)
  const lines = [`${test.state === 'passed' ? '✓' : test.state === 'failed' ? '✗' : '-'} chaos: ${test.name}`]
  for (const run of test.runs) {
    lines.push(`    ${color(run.verdict, run.verdict.padEnd(9))} ${run.title}`)
    lines.push(`      faults: ${describeFaults(run)} · recovery: ${describeRecovery(run)}`)
    if (run.load) lines.push(`      load: ${describeLoad(run)}`)
    lines.push(`      journal: ${run.journalPath}`)
  }
  return lines.join('\n')
}
