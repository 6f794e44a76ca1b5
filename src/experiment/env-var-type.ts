// Chaos Toolkit's `convert_to_type`: how `env_var_type` and `--var key:type=value` turn text into values.
import { formatPythonValue } from './python-format.js'

export const ENV_VAR_TYPES = ['str', 'string', 'int', 'integer', 'float', 'number', 'bytes', 'bool', 'json'] as const
export type EnvVarType = (typeof ENV_VAR_TYPES)[number]

/** Chaos Toolkit's wording for an unknown type. */
export const UNKNOWN_TYPE_MESSAGE = 'variable type can only be: bool, str, int, float, bytes or json'

const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/
const PYTHON_FLOAT = /^\s*[+-]?(?:(?:\d+(?:_\d+)*)?\.?\d+(?:_\d+)*(?:[eE][+-]?\d+)?|\d+(?:_\d+)*\.|inf|infinity|nan)\s*$/i

const toInt = (value: unknown): number => {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value)
  if (typeof value === 'string' && PYTHON_INT.test(value)) return Number.parseInt(value.replaceAll('_', ''), 10)
  throw new TypeError(`invalid literal for int(): '${formatPythonValue(value)}'`)
}

const toFloat = (value: unknown): number => {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (typeof value === 'string' && PYTHON_FLOAT.test(value)) {
    const text = value.trim().toLowerCase().replaceAll('_', '')
    if (text.endsWith('nan')) return Number.NaN
    if (text.endsWith('inf') || text.endsWith('infinity')) return text.startsWith('-') ? -Infinity : Infinity
    return Number.parseFloat(text)
  }
  throw new TypeError(`could not convert string to float: '${formatPythonValue(value)}'`)
}

const toBool = (value: unknown): boolean =>
  typeof value === 'string' ? !['false', '0', 'no'].includes(value.toLowerCase()) : Boolean(value)

const toJson = (value: unknown): unknown => {
  if (typeof value !== 'string' || value === '') return value
  try {
    return JSON.parse(value) as unknown
  } catch (error) {
    throw new TypeError(`not valid JSON: ${(error as Error).message}`, { cause: error })
  }
}

/**
 * Converts a configuration value to an `env_var_type`; no type keeps the value as it is.
 * Throws a `TypeError` saying why when the value cannot be converted or the type is unknown.
 *
 * @example
 * convertToType('int', '42') // 42
 * convertToType('bool', 'no') // false
 */
export const convertToType = (type: string | undefined | null, value: unknown): unknown => {
  switch (type ?? 'str') {
    case 'str':
    case 'string':
    case 'bytes':
      return value
    case 'int':
    case 'integer':
      return toInt(value)
    case 'float':
    case 'number':
      return toFloat(value)
    case 'bool':
      return toBool(value)
    case 'json':
      return toJson(value)
    default:
      throw new TypeError(UNKNOWN_TYPE_MESSAGE)
  }
}
