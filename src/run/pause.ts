import { setTimeout as delay } from 'node:timers/promises'
import { ChaosError } from '../errors.js'
import type { Activity } from '../experiment/types.js'
import { interruptedBy } from '../providers/interrupt.js'
import type { RunContext } from './run-context.js'

/** Seconds to pause `before` or `after` an activity, after `${var}` substitution; 0 when none. */
export const pauseSeconds = (activity: Activity, when: 'before' | 'after', context: RunContext): number => {
  const declared = activity.pauses?.[when]
  if (declared === undefined) return 0
  const value = context.providers.substitute(declared)
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ChaosError(`the ${when} pause of activity '${activity.name}' is ${JSON.stringify(value)}, not a number of seconds; fix pauses.${when} or the configuration it refers to`)
  }
  return value
}

/** Sleeps for a pause, stopping with InterruptedError when `signal` aborts. */
export const pause = async (seconds: number, signal: AbortSignal): Promise<void> => {
  if (seconds <= 0) return
  try {
    await delay(seconds * 1000, undefined, { signal })
  } catch (error) {
    if (signal.aborted) throw interruptedBy(signal, 'a pause')
    throw error
  }
}
