// How Python's str() prints a JSON value, so substituted text reads exactly as Chaos Toolkit writes it.

const reprString = (text: string): string => {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t')
  return quote + (quote === "'" ? escaped.replaceAll("'", "\\'") : escaped) + quote
}

const reprNumber = (value: number): string => {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  return String(value)
}

/** Python's `repr()` of a JSON value (strings quoted), used inside lists and dicts. */
export const reprPythonValue = (value: unknown): string => {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number') return reprNumber(value)
  if (typeof value === 'string') return reprString(value)
  if (Array.isArray(value)) return `[${value.map(reprPythonValue).join(', ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${reprString(key)}: ${reprPythonValue(item)}`)
    return `{${entries.join(', ')}}`
  }
  return 'None'
}

/**
 * Python's `str()` of a JSON value: strings as-is, `True`/`False`/`None`, lists and dicts in repr form.
 *
 * @example
 * formatPythonValue([1, 'a', true]) // "[1, 'a', True]"
 */
export const formatPythonValue = (value: unknown): string => (typeof value === 'string' ? value : reprPythonValue(value))
