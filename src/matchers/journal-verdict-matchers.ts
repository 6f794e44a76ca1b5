import { explainJournal } from '../session/explain-journal.js'
import { extrasOf, isJournal } from '../session/journal-extras.js'
import { hintFor, type ChaosMatcherResult, type MatcherContextLike } from './matcher-context.js'
import type { Journal } from '../journal/types.js'

const notAJournal = (context: MatcherContextLike, name: string, received: unknown): ChaosMatcherResult => ({
  pass: context.isNot === true,
  message: () =>
    `${hintFor(context, name, 'journal')}\n\nExpected a Chaos Toolkit journal (the result of runExperiment), received ${context.utils.printReceived(received)}`,
})

/** Whether the run completed with the hypothesis met before and after the method. */
export const isSteady = (journal: Journal): boolean =>
  journal.status === 'completed' && !journal.deviated && journal.steady_states.before?.steady_state_met !== false

/** `expect(journal).toBeSteady()`: the run completed and the hypothesis held before and after the method. */
export function toBeSteady(this: MatcherContextLike, received: unknown): ChaosMatcherResult {
  if (!isJournal(received)) return notAJournal(this, 'toBeSteady', received)
  const pass = isSteady(received)
  const title = received.experiment.title
  return {
    pass,
    message: () =>
      `${hintFor(this, 'toBeSteady', 'journal')}\n\n` +
      (pass
        ? `Expected "${title}" not to stay steady, but the hypothesis held before and after the method.`
        : `Expected "${title}" to stay steady, but it did not.`) +
      `\n${explainJournal(received, extrasOf(received))}`,
    actual: { status: received.status, deviated: received.deviated },
    expected: { status: 'completed', deviated: false },
  }
}

/** `expect(journal).toHaveDeviated()`: the hypothesis no longer held after the method (Chaos Toolkit's `deviated`). */
export function toHaveDeviated(this: MatcherContextLike, received: unknown): ChaosMatcherResult {
  if (!isJournal(received)) return notAJournal(this, 'toHaveDeviated', received)
  const pass = received.deviated
  const title = received.experiment.title
  return {
    pass,
    message: () =>
      `${hintFor(this, 'toHaveDeviated', 'journal')}\n\n` +
      (pass ? `Expected "${title}" not to deviate, but it did.` : `Expected "${title}" to deviate, but it did not.`) +
      `\n${explainJournal(received, extrasOf(received))}`,
    actual: { deviated: received.deviated },
    expected: { deviated: true },
  }
}

export { notAJournal }
