import { hostname, machine, release, type } from 'node:os'
import type { Experiment } from '../experiment/types.js'
import type { Journal, JournalExtensions } from './types.js'
import { formatTimestamp } from './timestamp.js'
import { CHAOSLIB_COMPAT_VERSION, VITEST_CHAOS_VERSION } from './version.js'

/** A journal still being written: `status` stays null until the run decides it, as in chaoslib. */
export type OpenJournal = Omit<Journal, 'status' | 'end' | 'duration'> & {
  status: Journal['status'] | null
  end?: string
  duration?: number
  'vitest-chaos': JournalExtensions
}

/** uname-like, as Python's `platform.platform()`: `Linux-6.5.0-x86_64`. */
export const describePlatform = (): string => `${type()}-${release()}-${machine()}`

/**
 * Starts a journal the way chaoslib's `initialize_run_journal` does.
 *
 * @example
 * const journal = initializeJournal(experiment, { mode: 'compatible', startMs: Date.now() })
 */
export const initializeJournal = (
  experiment: Experiment,
  options: { mode: JournalExtensions['mode']; startMs: number },
): OpenJournal => ({
  'chaoslib-version': CHAOSLIB_COMPAT_VERSION,
  platform: describePlatform(),
  node: hostname(),
  experiment,
  start: formatTimestamp(options.startMs),
  status: null,
  deviated: false,
  steady_states: { before: null, after: null, during: [] },
  run: [],
  rollbacks: [],
  'vitest-chaos': { mode: options.mode, version: VITEST_CHAOS_VERSION },
})
