// Python's ==, <= and bool() on JSON values: Chaos Toolkit compares probe outputs with them.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isNumeric = (value: unknown): value is number | boolean => typeof value === 'number' || typeof value === 'boolean'
const pythonType = (value: unknown): string =>
  value === null || value === undefined ? 'NoneType' : typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float') : typeof value === 'string' ? 'str' : Array.isArray(value) ? 'list' : 'dict'

/**
 * Python `==`: `True == 1`, `False == 0`, `1 == 1.0`, `"1" != 1`, lists and dicts compared deeply.
 *
 * @example
 * pythonEquals(true, 1) // true
 */
export function pythonEquals(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b)
  if (a === undefined || a === null) return b === undefined || b === null
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => pythonEquals(item, b[index]))
  if (isObject(a)) {
    if (!isObject(b)) return false
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && pythonEquals(a[key], b[key]))
  }
  return a === b
}

/** Python `item in list`. */
export const pythonContains = (list: readonly unknown[], item: unknown): boolean => list.some((entry) => pythonEquals(entry, item))

/**
 * Python `a <= b`; throws a `TypeError` with Python's message for types Python cannot order (str and int, None, dicts).
 *
 * @example
 * pythonLessOrEqual(200, 250) // true
 */
export function pythonLessOrEqual(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) <= Number(b)
  if (typeof a === 'string' && typeof b === 'string') return a <= b
  if (Array.isArray(a) && Array.isArray(b)) {
    const differing = a.findIndex((item, index) => index >= b.length || !pythonEquals(item, b[index]))
    if (differing < 0) return a.length <= b.length
    if (differing >= b.length) return false
    return pythonLessOrEqual(a[differing], b[differing]) && !pythonEquals(a[differing], b[differing])
  }
  throw new TypeError(`'<=' not supported between instances of '${pythonType(a)}' and '${pythonType(b)}'`)
}

/**
 * Python `bool()`: `None`, `False`, `0`, `""`, `[]` and `{}` are false; everything else is true.
 *
 * @example
 * pythonTruthy({ status: 500 }) // true
 */
export const pythonTruthy = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.length > 0
  if (isObject(value)) return Object.keys(value).length > 0
  return Boolean(value)
}

export { pythonType }
