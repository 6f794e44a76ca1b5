import { writeJournal } from '../journal/write-journal.js'
import type { Journal } from '../journal/types.js'
import { verdictOf } from './chaos-run-record.js'
import { addExtras } from './journal-extras.js'
import { journalPathFor } from './journal-path.js'
import type { LoadReportLike } from './load-report.js'
import { currentRunScope } from './run-scope.js'

const runsPerTest = new Map<string, number>()

/** Writes the journal where the reporter expects it and hands the run to the current test; returns the path. */
export const recordRun = async (
  context: { testPath?: string; currentTestName?: string },
  journal: Journal,
  extra: { load?: LoadReportLike; recoverySeconds?: number | null } = {},
): Promise<string> => {
  const scope = currentRunScope()
  const testPath = scope.testPath ?? context.testPath
  const testName = scope.testName ?? context.currentTestName
  const key = `${testPath}\u0000${testName}`
  const index = runsPerTest.get(key) ?? 0
  runsPerTest.set(key, index + 1)
  const journalPath = journalPathFor({ dir: scope.journalDir, testPath, testName, index })
  addExtras(journal, { journalPath })
  await writeJournal(journalPath, journal)
  scope.record?.({
    title: journal.experiment.title,
    verdict: verdictOf(journal),
    faults: journal.run.map((run) => run.activity.name),
    ...(extra.recoverySeconds !== undefined && { recoverySeconds: extra.recoverySeconds }),
    ...(extra.load && { load: extra.load }),
    journalPath,
    journal,
  })
  // annotate only works while the test body runs; a run recorded later (a rollback) skips it
  await scope.annotate?.(`${verdictOf(journal)}: ${journal.experiment.title} (journal ${journalPath})`, 'chaos-journal').catch(() => undefined)
  return journalPath
}
