import type { Duration } from '../authoring/duration.js'
import type { FaultDefinition } from '../authoring/fault.js'
import { toBeSteady, toHaveDeviated } from './journal-verdict-matchers.js'
import { toMeetSlo } from './to-meet-slo.js'
import type { Slo } from '../session/load-report.js'
import { toRecoverWithin } from './to-recover-within.js'
import { toStaySteadyDuring, type StaySteadyOptions } from './to-stay-steady-during.js'

/**
 * The chaos matchers, for `expect.extend` in any Jest-compatible runner.
 *
 * @example
 * expect.extend(chaosMatchers)
 * await expect(app).toStaySteadyDuring(drainNode, { recoverWithin: '30s' })
 */
export const chaosMatchers = { toStaySteadyDuring, toBeSteady, toHaveDeviated, toRecoverWithin, toMeetSlo }

/** Matcher signatures; `R` is the runner's assertion result type. */
export interface ChaosMatchers<R = unknown> {
  /** Received: a `steadyState(...)`. Runs the fault with load and always rolls back; await it. */
  toStaySteadyDuring(fault: FaultDefinition, options?: StaySteadyOptions): Promise<R>
  /** Received: a journal. The run completed and the hypothesis held before and after the method. */
  toBeSteady(): R
  /** Received: a journal. The hypothesis no longer held after the method. */
  toHaveDeviated(): R
  /** Received: a journal. The hypothesis held again within `duration` after the method. */
  toRecoverWithin(duration: Duration): R
  /** Received: a load report. Every phase met the objective. */
  toMeetSlo(slo: Slo): R
}
