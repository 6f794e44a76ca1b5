import type { ToleranceKind } from './tolerance-kind.js'

/** A string: the output must be exactly that string (`"1"` does not match `1`). */
export const stringTolerance: ToleranceKind = {
  name: 'string',
  accepts: (tolerance) => typeof tolerance === 'string',
  check: (tolerance: string, value) => value === tolerance,
}
