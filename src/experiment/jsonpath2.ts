// Chaos Toolkit's JSONPath dialect (Python jsonpath2) → steps that RFC 9535 `jsonpath-rfc9535` can run.
// jsonpath2 filters test the current node itself, so `$.a[?(@.b="x")]` becomes "select $.a, then keep it if @.b == 'x'".
import parseRfcPath from 'jsonpath-rfc9535/parser'
import { toFilterExpression } from './jsonpath2-filter.js'

export type JsonPathStep =
  /** an RFC 9535 path (without the leading `$`) applied to each current node */
  | { kind: 'select'; path: string }
  /** an RFC 9535 logical expression that keeps the current node when it holds for `@` = the node */
  | { kind: 'filter'; expression: string }
  /** `..` right before a filter: the current node and all its descendants */
  | { kind: 'descend' }

const closingBracket = (path: string, open: number): number => {
  let depth = 0
  let quote: string | undefined
  for (let i = open; i < path.length; i++) {
    const char = path[i]!
    if (quote) {
      if (char === '\\') i++
      else if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") quote = char
    else if (char === '[') depth++
    else if (char === ']' && --depth === 0) return i
  }
  throw new SyntaxError(`unclosed [ at position ${open}`)
}

const splitSteps = (path: string): JsonPathStep[] => {
  const steps: JsonPathStep[] = []
  let select = ''
  for (let i = 1; i < path.length; i++) {
    if (path[i] !== '[') {
      select += path[i]
      continue
    }
    const close = closingBracket(path, i)
    const inner = path.slice(i + 1, close).trim()
    if (inner.startsWith('?')) {
      const descend = select.endsWith('..')
      if (descend) select = select.slice(0, -2)
      if (select) steps.push({ kind: 'select', path: select })
      if (descend) steps.push({ kind: 'descend' })
      select = ''
      steps.push({ kind: 'filter', expression: toFilterExpression(inner.slice(1)) })
    } else select += path.slice(i, close + 1)
    i = close
  }
  if (select) steps.push({ kind: 'select', path: select })
  return steps
}

const assertRfcSyntax = (step: JsonPathStep): void => {
  if (step.kind === 'descend') return
  const rfc = step.kind === 'select' ? `$${step.path}` : `$[?${step.expression}]`
  try {
    parseRfcPath(rfc)
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? ''
    throw new SyntaxError(`${step.kind === 'select' ? `'${step.path}'` : 'the filter'}: ${reason}`, { cause: error })
  }
}

/**
 * Parses a Chaos Toolkit (jsonpath2) JSON path into steps: `=` in filters is equality, `and`/`or`/`not` are the
 * logical operators, and a filter applies to the node it follows (not to that node's children).
 * Throws a `SyntaxError` saying what is wrong.
 *
 * @example
 * parseJsonPath2('$.foo[?(@.baz="hello")]') // [{ kind: 'select', path: '.foo' }, { kind: 'filter', expression: '(@.baz == "hello")' }]
 */
export function parseJsonPath2(path: string): JsonPathStep[] {
  const trimmed = path.trim()
  if (!trimmed.startsWith('$')) throw new SyntaxError('a JSON path starts with $')
  const steps = splitSteps(trimmed)
  steps.forEach(assertRfcSyntax)
  return steps
}
