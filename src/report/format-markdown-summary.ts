import type { ChaosTestResult } from './chaos-test-result.js'
import { describeFaults, describeLoad, describeRecovery } from './describe-run.js'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** A Markdown report of every chaos test: a count line and one table row per run. */
export const formatMarkdownSummary = (tests: readonly ChaosTestResult[]): string => {
  const runs = tests.flatMap((test) => test.runs.map((run) => ({ test, run })))
  const steady = runs.filter(({ run }) => run.verdict === 'steady').length
  const failedTests = tests.filter((test) => test.state === 'failed').length
  const lines = [
    '## Chaos experiments',
    '',
    `${tests.length} chaos test${tests.length === 1 ? '' : 's'} (${failedTests} failed), ${runs.length} run${runs.length === 1 ? '' : 's'}, ${steady} steady.`,
    '',
    '| test | verdict | experiment | faults | recovery | load | journal |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(({ test, run }) =>
      `| ${[test.state === 'failed' ? `❌ ${test.name}` : test.name, `**${run.verdict}**`, run.title, describeFaults(run), describeRecovery(run), describeLoad(run), `\`${run.journalPath}\``].map(cell).join(' | ')} |`,
    ),
  ]
  return `${lines.join('\n')}\n`
}
