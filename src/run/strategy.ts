// Strategies are predicates, as in chaoslib's run.py; the phases never branch on a strategy name.
import type { HypothesisStrategy, RollbackStrategy } from '../experiment/types.js'
import type { OpenJournal } from '../journal/initialize-journal.js'
import type { RunMode } from './run-options.js'

const HYPOTHESIS_STRATEGIES: readonly string[] = ['default', 'before-method-only', 'after-method-only', 'during-method-only', 'continuously', 'skip']
const ROLLBACK_STRATEGIES: readonly string[] = ['default', 'always', 'never', 'deviated']

export const shouldRunBeforeMethod = (strategy: HypothesisStrategy): boolean =>
  strategy === 'default' || strategy === 'before-method-only' || strategy === 'continuously'

export const shouldRunDuringMethod = (strategy: HypothesisStrategy): boolean =>
  strategy === 'during-method-only' || strategy === 'continuously'

export const shouldRunAfterMethod = (strategy: HypothesisStrategy): boolean =>
  strategy === 'default' || strategy === 'after-method-only' || strategy === 'continuously'

/** chaoslib's rollback decision; strict mode plays them whatever happened (except an ungraceful stop). */
export const shouldPlayRollbacks = (strategy: RollbackStrategy, journal: Pick<OpenJournal, 'status' | 'deviated'>, mode: RunMode): boolean => {
  if (mode === 'strict') return true
  if (strategy === 'always') return true
  if (strategy === 'deviated') return journal.deviated
  if (strategy === 'default') return journal.status !== 'failed' && journal.status !== 'interrupted'
  return false
}

/** The misspelling `continously` is accepted, as the Chaos Toolkit CLI does; anything unknown is undefined. */
export const parseHypothesisStrategy = (value: string): HypothesisStrategy | undefined => {
  const normalized = value === 'continously' ? 'continuously' : value
  return HYPOTHESIS_STRATEGIES.includes(normalized) ? (normalized as HypothesisStrategy) : undefined
}

export const parseRollbackStrategy = (value: string): RollbackStrategy | undefined =>
  ROLLBACK_STRATEGIES.includes(value) ? (value as RollbackStrategy) : undefined
