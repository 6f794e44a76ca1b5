import { ActivityFailedError } from '../errors.js'
import { compilePythonRegex } from '../experiment/python-regex.js'
import { substitute } from '../experiment/substitute.js'
import type { RegexTolerance } from '../experiment/types.js'
import { pickTarget } from './target.js'
import { isObjectOfType, type ToleranceKind } from './tolerance-kind.js'

const compile = (pattern: unknown): RegExp => {
  if (typeof pattern !== 'string') throw new ActivityFailedError(`regex tolerance pattern became ${JSON.stringify(pattern)} after substitution; it must be text`)
  try {
    return compilePythonRegex(pattern)
  } catch (error) {
    throw new ActivityFailedError(`regex tolerance pattern ${pattern} is invalid: ${(error as Error).message}`, { cause: error })
  }
}

/** `{type: regex, pattern, target?}`: a Python `re.search` of the (substituted) pattern in the output text. */
export const regexTolerance: ToleranceKind = {
  name: 'regex',
  accepts: isObjectOfType('regex'),
  check: (tolerance: RegexTolerance, value, { lookup }) => {
    const text = pickTarget(value, tolerance.target, 'regex')
    if (typeof text !== 'string') {
      const hint = typeof text === 'object' && text !== null ? ': add "target": "body" (http) or "target": "stdout" (process)' : ''
      throw new ActivityFailedError(`regex tolerance needs text but the probe output is ${JSON.stringify(text)}${hint}`)
    }
    return compile(substitute(tolerance.pattern, lookup)).test(text)
  },
}
