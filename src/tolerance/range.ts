import { ActivityFailedError } from '../errors.js'
import type { RangeTolerance } from '../experiment/types.js'
import { pythonType } from './python-semantics.js'
import { pickTarget } from './target.js'
import { isObjectOfType, type ToleranceKind } from './tolerance-kind.js'

const PYTHON_DECIMAL = /^[+-]?(?:(?:\d+(?:_\d+)*)?(?:\.\d+(?:_\d+)*)?|\d+(?:_\d+)*\.)(?:[eE][+-]?\d+(?:_\d+)*)?$|^[+-]?(?:inf|infinity)$/i

// python's Decimal(value): booleans are 0/1, numeric strings parse, other strings are not numbers
const toDecimal = (value: unknown): number | undefined => {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (typeof value === 'string') {
    const text = value.trim()
    if (text === '' || text === '.' || !PYTHON_DECIMAL.test(text)) return undefined
    return /inf/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : Number(text.replaceAll('_', ''))
  }
  throw new ActivityFailedError(
    `range tolerance needs a number but the probe output is ${value === null ? 'null' : `a ${pythonType(value)}`}: add "target" to pick a number from it (for example "target": "status" for an http probe)`,
  )
}

/** `{type: range, range: [low, high], target?}`: the output as a decimal number within the inclusive range. */
export const rangeTolerance: ToleranceKind = {
  name: 'range',
  accepts: isObjectOfType('range'),
  check: (tolerance: RangeTolerance, value) => {
    const number = toDecimal(pickTarget(value, tolerance.target, 'range'))
    if (number === undefined) return false
    const [low, high] = tolerance.range
    return low <= number && number <= high
  },
}
