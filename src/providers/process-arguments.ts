import { formatPythonValue } from '../experiment/python-format.js'
import type { JsonValue } from '../experiment/types.js'

/**
 * chaoslib's argument rules for list and dict forms: `null` and `""` dropped, a dict flattened
 * to `k1, v1, k2, v2`, everything else stringified (Python `str()`: `True`, `None`).
 *
 * @example
 * toArgumentList(['-n', null, '', 3]) // ['-n', '3']
 */
export const toArgumentList = (argumentsValue: JsonValue[] | Record<string, JsonValue>): string[] => {
  const items = Array.isArray(argumentsValue) ? argumentsValue : Object.entries(argumentsValue).flat()
  return items.filter((item) => item !== null && item !== '').map(formatPythonValue)
}
