import { z } from 'zod'
import { closestName } from './closest-name.js'
import { InvalidOptionsError } from './invalid-options-error.js'

type Path = readonly PropertyKey[]

const unwrap = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault ? unwrap(schema.unwrap() as z.ZodType) : schema

/** The keys the object schema at `path` accepts (empty when it is not an object schema). */
const keysAt = (schema: z.ZodType, path: Path): string[] => {
  let current = unwrap(schema)
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = unwrap((current.shape as Record<string, z.ZodType>)[String(segment)] ?? z.never())
    else if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType)
    else return []
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : []
}

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `'${value}'`
  if (typeof value === 'object' || typeof value === 'function') return `a${typeof value === 'object' ? 'n object' : ' function'}`
  return typeof value === 'number' || typeof value === 'boolean' ? `${typeof value} ${value}` : typeof value
}

// `load` for a key under options.load, the entry's own name at the top
const ownerOf = (what: string, path: Path): string => {
  const named = path.filter((segment): segment is string => typeof segment === 'string')
  return named.at(-1) ?? what
}

const keyPath = (path: Path): string => path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('')

const describeIssue = (what: string, schema: z.ZodType, issue: z.core.$ZodIssue): string[] => {
  if (issue.code === 'unrecognized_keys') {
    const valid = keysAt(schema, issue.path)
    return issue.keys.map((key) => {
      const near = closestName(key, valid)
      const hint = near ? ` (did you mean '${near}'?)` : valid.length > 0 ? `; valid options: ${valid.join(', ')}` : ''
      return `unknown ${ownerOf(what, issue.path)} option '${key}'${hint}`
    })
  }
  const last = issue.path.findLastIndex((segment) => typeof segment === 'string')
  const where = last < 0 ? `${what} options` : `${ownerOf(what, issue.path.slice(0, last))} option '${keyPath(issue.path.slice(last))}'`
  const got = describeValue(issue.input)
  if (issue.code === 'invalid_type' && issue.input === undefined && last >= 0) return [`${where} is required (${issue.expected})`]
  if (issue.code === 'invalid_type') return [`${where} must be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}, got ${got}`]
  if (issue.code === 'invalid_value') return [`${where} must be one of ${issue.values.map((value) => `'${String(value)}'`).join(', ')}, got ${got}`]
  return [`${where} ${issue.message}, got ${got}`]
}

// a typo is the likeliest cause of a missing required key, so it is said first
const unknownKeysFirst = (issues: readonly z.core.$ZodIssue[]) => [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'))

/**
 * Checks a user's options against their schema and returns them; an unknown key names the closest valid one,
 * a wrong type says what was expected. `what` names the entry point in messages (`load`, `k8s.drainNodes`).
 *
 * @example
 * checkOptions('load', chaosLoadOptionsSchema, { conections: 10 })
 * // InvalidOptionsError: unknown load option 'conections' (did you mean 'connections'?)
 */
export const checkOptions = <T>(what: string, schema: z.ZodType, value: T): T => {
  const invalid = findInvalidOptions(what, schema, value)
  if (invalid) throw invalid
  return value
}

/** Like {@link checkOptions}, returning the error instead of throwing it (for matchers, which return failures, and promise-returning entries). */
export const findInvalidOptions = (what: string, schema: z.ZodType, value: unknown): InvalidOptionsError | undefined => {
  const result = schema.safeParse(value, { reportInput: true })
  return result.success ? undefined : new InvalidOptionsError(unknownKeysFirst(result.error.issues).flatMap((issue) => describeIssue(what, schema, issue)))
}
