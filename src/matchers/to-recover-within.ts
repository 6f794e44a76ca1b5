import { parseDuration, formatDuration, type Duration } from '../authoring/duration.js'
import type { Journal } from '../journal/types.js'
import { explainJournal } from '../session/explain-journal.js'
import { extrasOf, isJournal } from '../session/journal-extras.js'
import { notAJournal } from './journal-verdict-matchers.js'
import { hintFor, type ChaosMatcherResult, type MatcherContextLike } from './matcher-context.js'

const seconds = (iso: string | undefined): number | undefined => (iso ? Date.parse(iso) / 1000 : undefined)

/**
 * Seconds from the end of the method until the hypothesis held again: measured by `toStaySteadyDuring`, otherwise
 * bounded by the after-hypothesis (end of its last probe); null when it never held again.
 */
export const recoverySecondsOf = (journal: Journal): number | null => {
  const measured = extrasOf(journal).recovery
  if (measured) return measured.seconds
  const after = journal.steady_states.after
  if (!after?.steady_state_met) return null
  const methodEnd = seconds(journal.run.at(-1)?.end)
  const afterEnd = seconds(after.probes.at(-1)?.end)
  return methodEnd !== undefined && afterEnd !== undefined ? Math.max(0, afterEnd - methodEnd) : 0
}

/** `expect(journal).toRecoverWithin('30s')`: the hypothesis held again within the duration after the method ended. */
export function toRecoverWithin(this: MatcherContextLike, received: unknown, within: Duration): ChaosMatcherResult {
  if (!isJournal(received)) return notAJournal(this, 'toRecoverWithin', received)
  const limitMs = parseDuration(within)
  const recovery = recoverySecondsOf(received)
  const pass = recovery !== null && recovery * 1000 <= limitMs
  const took = recovery === null ? 'did not recover' : `recovered after ${formatDuration(recovery * 1000)}`
  return {
    pass,
    message: () =>
      `${hintFor(this, 'toRecoverWithin', 'journal', formatDuration(limitMs))}\n\n` +
      `Expected "${received.experiment.title}" ${this.isNot ? 'not ' : ''}to recover within ${formatDuration(limitMs)}, but it ${took}.` +
      `\n${explainJournal(received, extrasOf(received))}`,
    actual: recovery,
    expected: limitMs / 1000,
  }
}
