import type { Journal } from '../journal/types.js'
import { explainJournal } from './explain-journal.js'

/** What the run of an experiment file must end as: `steady` (completed, not deviated), `deviated`, or a journal status. */
export type ExpectedOutcome = 'steady' | 'deviated' | 'completed' | 'failed' | 'interrupted' | 'aborted'

/** The part of Vitest's and Jest's `expect` (with the chaos matchers installed) the outcome check uses. */
export type JournalExpect = (journal: Journal) => { toBeSteady(): unknown; toHaveDeviated(): unknown }

const failedActions = (journal: Journal): string[] => journal.run.filter((run) => run.status === 'failed').map((run) => run.activity.name)

/**
 * Asserts the journal ended as expected, with the run explained on failure; throws (through `expect` or an Error) when not.
 *
 * @example
 * expectOutcome(expect, await chaos.runFile('fixtures/experiments/reviews-latency.json'), 'deviated')
 */
export const expectOutcome = (expect: JournalExpect, journal: Journal, outcome: ExpectedOutcome): void => {
  if (outcome === 'steady') {
    expect(journal).toBeSteady()
  } else if (outcome === 'deviated') {
    expect(journal).toHaveDeviated()
    const failed = failedActions(journal)
    if (failed.length > 0) throw new Error(`a deviation only counts when the fault was applied, but ${failed.join(', ')} failed\n${explainJournal(journal, {})}`)
  } else if (journal.status !== outcome) {
    throw new Error(`expected status ${outcome}, got ${journal.status}\n${explainJournal(journal, {})}`)
  }
}
