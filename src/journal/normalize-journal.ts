import type { Journal, Run, SteadyState } from './types.js'

const TIME = '<time>'

const normalizeRun = (run: Run): Run => ({
  ...run,
  start: TIME,
  ...(run.end === undefined ? {} : { end: TIME }),
  ...(run.duration === undefined ? {} : { duration: 0 }),
  ...(run.exception === undefined ? {} : { exception: run.exception.slice(-1) }),
})

const normalizeState = (state: SteadyState | null): SteadyState | null =>
  state && { ...state, probes: state.probes.map(normalizeRun) }

/**
 * Replaces what changes from run to run (times, durations, host, platform, stack frames) with fixed
 * markers, so journals can be compared with golden files. Exceptions keep their last line (the message).
 *
 * @example
 * expect(normalizeJournal(journal)).toEqual(JSON.parse(await readFile('fixtures/journals/x.json', 'utf8')))
 */
export const normalizeJournal = (journal: Journal): Journal => ({
  ...journal,
  platform: '<platform>',
  node: '<node>',
  start: TIME,
  end: TIME,
  duration: 0,
  steady_states: {
    before: normalizeState(journal.steady_states.before),
    after: normalizeState(journal.steady_states.after),
    during: journal.steady_states.during.map((state) => normalizeState(state)!),
  },
  run: journal.run.map(normalizeRun),
  rollbacks: journal.rollbacks.map(normalizeRun),
})
