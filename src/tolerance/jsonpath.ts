import { query, type JsonValue } from 'jsonpath-rfc9535'
import { ActivityFailedError } from '../errors.js'
import { parseJsonPath2, type JsonPathStep } from '../experiment/jsonpath2.js'
import { substitute } from '../experiment/substitute.js'
import type { JsonPathTolerance } from '../experiment/types.js'
import { pythonEquals } from './python-semantics.js'
import { pickTarget } from './target.js'
import { isObjectOfType, type ToleranceKind } from './tolerance-kind.js'

const parseSteps = (path: unknown): JsonPathStep[] => {
  try {
    if (typeof path !== 'string') throw new SyntaxError(`it became ${JSON.stringify(path)} after substitution`)
    return parseJsonPath2(path)
  } catch (error) {
    throw new ActivityFailedError(`jsonpath tolerance path ${String(path)} is invalid: ${(error as Error).message}`, { cause: error })
  }
}

const parseIfJson = (value: unknown): unknown => {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}

/**
 * Runs jsonpath2 steps: selections with RFC 9535, filters on the node itself (jsonpath2 semantics).
 *
 * @example
 * matchJsonPath2(parseJsonPath2('$.foo[?(@.baz="hello")]'), { foo: { baz: 'hello' } }) // [{ baz: 'hello' }]
 */
export const matchJsonPath2 = (steps: readonly JsonPathStep[], document: unknown): unknown[] =>
  steps.reduce<unknown[]>(
    (nodes, step) => {
      if (step.kind === 'select') return nodes.flatMap((node) => query(node as JsonValue, `$${step.path}`))
      if (step.kind === 'descend') return nodes.flatMap((node) => [node, ...query(node as JsonValue, '$..*')])
      return nodes.filter((node) => query([node as JsonValue], `$[?${step.expression}]`).length > 0)
    },
    [document],
  )

/** `{type: jsonpath, path, count?, expect?, target?}`: at least one match, or `count` matches, or exactly `expect`. */
export const jsonPathTolerance: ToleranceKind = {
  name: 'jsonpath',
  accepts: isObjectOfType('jsonpath'),
  check: (tolerance: JsonPathTolerance, value, { lookup }) => {
    const steps = parseSteps(substitute(tolerance.path, lookup))
    const matches = matchJsonPath2(steps, parseIfJson(pickTarget(value, tolerance.target, 'jsonpath')))
    let result = tolerance.count === undefined || tolerance.count === null ? matches.length > 0 : matches.length === tolerance.count
    if ('expect' in tolerance) {
      const expected = substitute(tolerance.expect, lookup)
      result = pythonEquals(matches, Array.isArray(expected) ? expected : [expected])
    }
    return result
  },
}
