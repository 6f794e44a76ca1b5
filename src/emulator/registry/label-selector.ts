// Label selector strings, parsed by the same grammar and with the same error texts as apimachinery's labels.Parse.

export type LabelOperator = 'exists' | '!' | '=' | '!=' | 'in' | 'notin' | 'gt' | 'lt'

export interface LabelRequirement {
  key: string
  operator: LabelOperator
  values: string[]
}

type TokenType = 'id' | 'eos' | ',' | '(' | ')' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt'
interface Token {
  type: TokenType
  literal: string
}

const SPECIAL = '!=(),<>'

const lex = (input: string): Token[] => {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const char = input[i]!
    if (/\s/.test(char)) {
      i += 1
    } else if (SPECIAL.includes(char)) {
      const two = input.slice(i, i + 2)
      if (two === '==' || two === '!=') {
        tokens.push({ type: two, literal: two })
        i += 2
      } else {
        const type: TokenType = char === '<' ? 'lt' : char === '>' ? 'gt' : (char as TokenType)
        tokens.push({ type, literal: char })
        i += 1
      }
    } else {
      let end = i
      while (end < input.length && !/\s/.test(input[end]!) && !SPECIAL.includes(input[end]!)) end += 1
      const literal = input.slice(i, end)
      tokens.push({ type: literal === 'in' ? 'in' : literal === 'notin' ? 'notin' : 'id', literal })
      i = end
    }
  }
  tokens.push({ type: 'eos', literal: '' })
  return tokens
}

export class LabelSelectorError extends Error {}

interface Cursor {
  peek(): Token
  next(): Token
}

const fail = (message: string): never => {
  throw new LabelSelectorError(message)
}

const OPERATORS: Partial<Record<TokenType, LabelOperator>> = { in: 'in', notin: 'notin', '=': '=', '==': '=', '!=': '!=', gt: 'gt', lt: 'lt' }

/** The `(a,b)` of `in`/`notin`; empty entries are empty strings, as apimachinery's parser reads them. */
const readValueSet = (cursor: Cursor, key: string, operator: LabelOperator): LabelRequirement => {
  const open = cursor.next()
  if (open.type !== '(') fail(`found '${open.literal}', expected: '('`)
  const values: string[] = []
  for (;;) {
    const value = cursor.next()
    if (value.type === ')' && values.length === 0) return { key, operator, values: [''] }
    if (value.type !== 'id' && value.type !== ',' && value.type !== ')') fail(`found '${value.literal}', expected: ',', ')' or identifier`)
    if (value.type === 'id') {
      values.push(value.literal)
      const after = cursor.next()
      if (after.type === ')') return { key, operator, values }
      if (after.type !== ',') fail(`found '${after.literal}', expected: ',' or ')'`)
    } else if (value.type === ',') {
      values.push('')
    } else {
      values.push('')
      return { key, operator, values }
    }
  }
}

const readRequirement = (cursor: Cursor): LabelRequirement => {
  let token = cursor.next()
  if (token.type === '!') {
    token = cursor.next()
    if (token.type !== 'id') fail(`found '${token.literal}', expected: identifier`)
    return { key: token.literal, operator: '!', values: [] }
  }
  if (token.type !== 'id') fail(`found '${token.literal}', expected: identifier`)
  const key = token.literal
  if (cursor.peek().type === 'eos' || cursor.peek().type === ',') return { key, operator: 'exists', values: [] }
  const operatorToken = cursor.next()
  const operator = OPERATORS[operatorToken.type]
  if (!operator) return fail(`found '${operatorToken.literal}', expected: in, notin, =, ==, !=, gt, lt`)
  if (operator === 'in' || operator === 'notin') return readValueSet(cursor, key, operator)
  const value = cursor.peek()
  if (value.type === 'eos' || value.type === ',') return { key, operator, values: [''] }
  cursor.next()
  if (value.type !== 'id') fail(`found '${value.literal}', expected: identifier`)
  return { key, operator, values: [value.literal] }
}

/** Parses `app=web,tier in (a,b),!legacy`; throws LabelSelectorError with apimachinery's message. */
export const parseLabelSelector = (input: string): LabelRequirement[] => {
  const tokens = lex(input)
  let position = 0
  const cursor: Cursor = { peek: () => tokens[position]!, next: () => tokens[Math.min(position++, tokens.length - 1)]! }
  const requirements: LabelRequirement[] = []
  for (;;) {
    const token = cursor.peek()
    if (token.type === 'eos') return requirements
    if (token.type !== 'id' && token.type !== '!') fail(`found '${token.literal}', expected: !, identifier, or 'end of string'`)
    try {
      requirements.push(readRequirement(cursor))
    } catch (error) {
      throw new LabelSelectorError(`unable to parse requirement: ${(error as Error).message}`)
    }
    const separator = cursor.next()
    if (separator.type === 'eos') return requirements
    if (separator.type !== ',') fail(`found '${separator.literal}', expected: ',' or 'end of string'`)
    const following = cursor.peek()
    if (following.type !== 'id' && following.type !== '!') fail(`found '${following.literal}', expected: identifier after ','`)
  }
}

export const matchesRequirements = (requirements: LabelRequirement[], labels: Record<string, string> | undefined): boolean =>
  requirements.every(({ key, operator, values }) => {
    const present = labels !== undefined && Object.hasOwn(labels, key)
    const value = present ? labels[key]! : undefined
    switch (operator) {
      case 'exists':
        return present
      case '!':
        return !present
      case '=':
        return present && value === values[0]
      case '!=':
        return !present || value !== values[0]
      case 'in':
        return present && values.includes(value!)
      case 'notin':
        return !present || !values.includes(value!)
      case 'gt':
        return present && Number(value) > Number(values[0])
      case 'lt':
        return present && Number(value) < Number(values[0])
    }
  })

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[]
}

/** metav1.LabelSelector matching: `{}` matches everything; a missing selector is the caller's business. */
export const matchesSelectorObject = (selector: LabelSelectorObject, labels: Record<string, string> | undefined): boolean => {
  const requirements: LabelRequirement[] = [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, operator: '=' as const, values: [value] })),
    ...(selector.matchExpressions ?? []).map((expression) => ({
      key: expression.key,
      operator: ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[expression.operator] ?? 'in',
      values: expression.values ?? [],
    })),
  ]
  return matchesRequirements(requirements, labels)
}

/** `app=web,tier in (a,b)`: the string form kubectl and Scale.status.selector use. */
export const formatSelectorObject = (selector: LabelSelectorObject | undefined): string => {
  if (!selector) return ''
  const parts = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`)
  for (const expression of selector.matchExpressions ?? []) {
    if (expression.operator === 'Exists') parts.push(expression.key)
    else if (expression.operator === 'DoesNotExist') parts.push(`!${expression.key}`)
    else parts.push(`${expression.key} ${expression.operator === 'In' ? 'in' : 'notin'} (${[...(expression.values ?? [])].sort().join(',')})`)
  }
  return parts.sort().join(',')
}
