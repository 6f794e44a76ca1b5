// Chaos Toolkit's `within_tolerance`: is a hypothesis probe's output acceptable?
import { substitute } from '../experiment/substitute.js'
import type { Tolerance } from '../experiment/types.js'
import { toleranceKindOf } from './kinds.js'
import type { ToleranceContext } from './tolerance-kind.js'

export type { ToleranceContext }

/**
 * Checks a probe output against a tolerance with Chaos Toolkit's rules (Python equality, the two-item-list range,
 * `status` of process/http results, regex, jsonpath2, range, probe). A string tolerance is substituted first, so
 * `"${expected}"` may become a number or a list. Tolerances Chaos Toolkit has no rule for (a float, null) are not met.
 * Throws `ActivityFailedError` where Chaos Toolkit would crash (e.g. a regex on an http result without `target`).
 *
 * @example
 * await withinTolerance([200, 201], { status: 201, headers: {}, body: '' }, { lookup: {} }) // true
 */
export async function withinTolerance(tolerance: Tolerance, value: unknown, context: ToleranceContext): Promise<boolean> {
  const resolved: unknown = typeof tolerance === 'string' ? substitute(tolerance, context.lookup) : tolerance
  const kind = toleranceKindOf(resolved)
  if (!kind) return false
  return kind.check(resolved as never, value, context)
}
