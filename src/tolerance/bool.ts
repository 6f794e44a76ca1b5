import { pythonEquals } from './python-semantics.js'
import type { ToleranceKind } from './tolerance-kind.js'

/** `true`/`false`: the output must equal it, Python-style (`true` matches `1`, never a process or http result). */
export const boolTolerance: ToleranceKind = {
  name: 'bool',
  accepts: (tolerance) => typeof tolerance === 'boolean',
  check: (tolerance: boolean, value) => pythonEquals(value, tolerance),
}
