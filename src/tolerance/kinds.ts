// The tolerance table: adding a kind is one file and one line here.
import { boolTolerance } from './bool.js'
import { intTolerance } from './int.js'
import { jsonPathTolerance } from './jsonpath.js'
import { listTolerance } from './list.js'
import { probeTolerance } from './probe.js'
import { rangeTolerance } from './range.js'
import { regexTolerance } from './regex.js'
import { stringTolerance } from './string.js'
import type { ToleranceKind } from './tolerance-kind.js'

export const TOLERANCE_KINDS: readonly ToleranceKind[] = [
  boolTolerance,
  intTolerance,
  stringTolerance,
  listTolerance,
  regexTolerance,
  jsonPathTolerance,
  rangeTolerance,
  probeTolerance,
]

/** The kind that checks this tolerance, if any (floats, null and unknown object types have none). */
export const toleranceKindOf = (tolerance: unknown): ToleranceKind | undefined => TOLERANCE_KINDS.find((kind) => kind.accepts(tolerance))
