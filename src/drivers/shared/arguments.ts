import { ActivityFailedError } from '../../errors.js'
import type { DriverSecrets } from './client.js'

const show = (value: unknown): string => JSON.stringify(value) ?? String(value)

/** Typed access to the keyword arguments of one driver function, with errors that name the function and argument. */
export interface ArgumentReader {
  string(name: string): string | undefined
  requiredString(name: string): string
  integer(name: string): number | undefined
  number(name: string): number | undefined
  /** Python truthiness, as `if all:` reads it in chaosk8s. */
  flag(name: string, fallback: boolean): boolean
  object(name: string): Record<string, unknown> | undefined
  list(name: string): unknown[] | undefined
  /** The argument exactly as bound (`null` included), for functions that forward it unchecked. */
  raw(name: string): unknown
  secrets(): DriverSecrets
}

/**
 * Reads the arguments the python provider bound for `func`; `null` counts as "not given" (Python's `None`).
 *
 * @example
 * const read = readArguments('terminate_pods', args)
 * const qty = read.integer('qty') ?? 1
 */
export const readArguments = (func: string, args: Record<string, unknown>): ArgumentReader => {
  const fail = (name: string, expected: string): never => {
    throw new ActivityFailedError(`${func}: argument '${name}' must be ${expected}, got ${show(args[name])}`)
  }
  const given = (name: string) => args[name] !== undefined && args[name] !== null
  const number = (name: string): number | undefined => {
    if (!given(name)) return undefined
    const value = args[name]
    const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
    return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : fail(name, 'a number')
  }
  return {
    string: (name) => {
      if (!given(name)) return undefined
      const value = args[name]
      return typeof value === 'string' || typeof value === 'number' ? String(value) : fail(name, 'a string')
    },
    requiredString(name) {
      return this.string(name) ?? fail(name, 'a non-empty string')
    },
    integer: (name) => {
      const value = number(name)
      return value === undefined || Number.isInteger(value) ? value : fail(name, 'an integer')
    },
    number,
    flag: (name, fallback) => {
      if (!given(name)) return fallback
      const value = args[name]
      if (typeof value === 'boolean') return value
      if (Array.isArray(value)) return value.length > 0
      if (typeof value === 'object') return Object.keys(value as object).length > 0
      return value !== 0 && value !== ''
    },
    object: (name) => {
      if (!given(name)) return undefined
      const value = args[name]
      return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(name, 'an object')
    },
    list: (name) => {
      if (!given(name)) return undefined
      const value = args[name]
      return Array.isArray(value) ? (value as unknown[]) : fail(name, 'a list')
    },
    raw: (name) => args[name],
    secrets: () => {
      const value = args.secrets
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
    },
  }
}
