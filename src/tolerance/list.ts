import { ActivityFailedError } from '../errors.js'
import { statusOf } from './int.js'
import { pythonContains, pythonLessOrEqual } from './python-semantics.js'
import type { ToleranceKind } from './tolerance-kind.js'

const inRange = (low: unknown, value: unknown, high: unknown): boolean => {
  try {
    return pythonLessOrEqual(low, value) && pythonLessOrEqual(value, high)
  } catch (error) {
    throw new ActivityFailedError(
      `tolerance [${JSON.stringify(low)}, ${JSON.stringify(high)}] is a range but the probe output ${JSON.stringify(value)} cannot be compared with it (${(error as Error).message}); use a tolerance of the output's type, or a range with "target"`,
      { cause: error },
    )
  }
}

/**
 * A list: membership of `output.status` for process/http results (so `[200, 299]` does NOT accept 250 there);
 * otherwise a two-item list is an inclusive range and any other list is membership.
 */
export const listTolerance: ToleranceKind = {
  name: 'list',
  accepts: (tolerance) => Array.isArray(tolerance),
  check: (tolerance: unknown[], value) => {
    const { found, status } = statusOf(value)
    if (found) return pythonContains(tolerance, status)
    if (tolerance.length === 2) return inRange(tolerance[0], value, tolerance[1])
    return pythonContains(tolerance, value)
  },
}
