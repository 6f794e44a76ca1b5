// Chaos Toolkit's `ensure_hypothesis_tolerance_is_valid`, with every problem reported and Python regex/jsonpath2 syntax checked.
import { checkActivity } from './check-activity.js'
import { issueAt, type ExperimentIssue, type PathSegments } from './experiment-issue.js'
import { parseJsonPath2 } from './jsonpath2.js'
import { isPlainObject } from './plain-object.js'
import { formatPythonValue } from './python-format.js'
import { compilePythonRegex } from './python-regex.js'

const BAD_TOLERANCE =
  'hypothesis probe tolerance must either be an integer, a string, a boolean or a pair of values for boundaries. It can also be a dictionary which is a probe activity definition that takes an argument called `value` with the value of the probe itself to be validated'

const checkRegex = (tolerance: Record<string, unknown>, path: PathSegments): ExperimentIssue[] => {
  if (!('pattern' in tolerance)) return [issueAt([...path, 'pattern'], 'missing-regex-pattern', 'hypothesis regex probe tolerance must have a `pattern` key', 'add "pattern": "<regular expression>"')]
  const pattern = tolerance.pattern
  if (typeof pattern !== 'string') return [issueAt([...path, 'pattern'], 'bad-regex-pattern', `hypothesis probe tolerance pattern ${JSON.stringify(pattern)} has an invalid type`, 'write the pattern as a string')]
  try {
    compilePythonRegex(pattern)
    return []
  } catch (error) {
    return [issueAt([...path, 'pattern'], 'invalid-regex-pattern', `hypothesis probe tolerance pattern ${pattern} seems invalid: ${(error as Error).message}`, 'fix the regular expression; it is Python re syntax')]
  }
}

const checkJsonPath = (tolerance: Record<string, unknown>, path: PathSegments): ExperimentIssue[] => {
  if (!('path' in tolerance)) return [issueAt([...path, 'path'], 'missing-jsonpath-path', 'hypothesis jsonpath probe tolerance must have a `path` key', 'add "path": "$.some.field"')]
  const jsonPath = tolerance.path
  if (typeof jsonPath !== 'string') return [issueAt([...path, 'path'], 'bad-jsonpath-path', `hypothesis probe tolerance JSON path ${JSON.stringify(jsonPath)} has an invalid type`, 'write the path as a string')]
  if (jsonPath.trim() === '') return [issueAt([...path, 'path'], 'empty-jsonpath-path', 'hypothesis probe tolerance JSON path cannot be empty', 'write a path such as "$.status"')]
  try {
    parseJsonPath2(jsonPath)
    return []
  } catch (error) {
    const hint = `${(error as Error).message}; Chaos Toolkit paths use a single = in filters, e.g. $.items[?(@.name="web")]`
    return [issueAt([...path, 'path'], 'invalid-jsonpath-path', `hypothesis probe tolerance JSON path ${jsonPath.trim()} is invalid`, hint)]
  }
}

const checkRange = (tolerance: Record<string, unknown>, path: PathSegments): ExperimentIssue[] => {
  const at = [...path, 'range']
  if (!('range' in tolerance)) return [issueAt(at, 'missing-range', 'hypothesis range probe tolerance must have a `range` key', 'add "range": [low, high]')]
  const range = tolerance.range
  if (!Array.isArray(range)) return [issueAt(at, 'bad-range', 'hypothesis range must be a sequence', 'write "range": [low, high]')]
  if (range.length !== 2) return [issueAt(at, 'bad-range-length', 'hypothesis range sequence must be made of two values', 'write "range": [low, high]')]
  const bounds: [number, string][] = [[0, 'lower'], [1, 'upper']]
  return bounds
    .filter(([index]) => typeof range[index] !== 'number')
    .map(([index, side]) => issueAt([...at, index], 'bad-range-boundary', `hypothesis range ${side} boundary must be a number`, 'write the boundary as a number, e.g. 0.5'))
}

const checkProbeTolerance = (tolerance: Record<string, unknown>, path: PathSegments): ExperimentIssue[] => {
  const issues = checkActivity(tolerance, path)
  const provider = tolerance.provider
  if (isPlainObject(provider) && !isPlainObject(provider.arguments)) {
    issues.push(issueAt([...path, 'provider', 'arguments'], 'probe-tolerance-without-arguments', 'a probe tolerance needs provider.arguments as an object: the probe output is passed in it as `value`', 'add "arguments": {}; the output arrives as arguments.value'))
  }
  return issues
}

/**
 * Checks a hypothesis probe's tolerance as Chaos Toolkit does (bool, integer, string, list, or a regex, jsonpath,
 * range or probe object), plus what Chaos Toolkit only finds at run time: regex and JSON path syntax.
 *
 * @example
 * checkTolerance({ type: 'range', range: [0, 'x'] }, ['steady-state-hypothesis', 'probes', 0, 'tolerance'])
 */
export function checkTolerance(tolerance: unknown, path: PathSegments): ExperimentIssue[] {
  const isInteger = typeof tolerance === 'number' && Number.isInteger(tolerance)
  if (!(typeof tolerance === 'boolean' || isInteger || typeof tolerance === 'string' || Array.isArray(tolerance) || isPlainObject(tolerance))) {
    const hint = typeof tolerance === 'number' ? `use a range instead of a float: [0, ${tolerance}] or {"type": "range", "range": [0, ${tolerance}]}` : 'write true, 200, "text", [200, 201] or a regex/jsonpath/range/probe object'
    return [issueAt(path, 'bad-tolerance', BAD_TOLERANCE, hint)]
  }
  if (!isPlainObject(tolerance)) return []
  switch (tolerance.type) {
    case 'probe':
      return checkProbeTolerance(tolerance, path)
    case 'regex':
      return checkRegex(tolerance, path)
    case 'jsonpath':
      return checkJsonPath(tolerance, path)
    case 'range':
      return checkRange(tolerance, path)
    default:
      return [issueAt([...path, 'type'], 'unknown-tolerance-type', `hypothesis probe tolerance type '${formatPythonValue(tolerance.type)}' is unsupported`, 'use "regex", "jsonpath", "range" or "probe"')]
  }
}
