// jsonpath2 filter expressions (`@.a = 1 and not @.b`) → RFC 9535 logical expressions (`(@.a == 1 && !(@.b))`).

type Token = { kind: 'open' | 'close' | 'and' | 'or' | 'not' | 'op' | 'path' | 'literal'; text: string }

const OPERATORS = ['!=', '<=', '>=', '=', '<', '>']
const WORD = /^(and|or|not|true|false|null)(?![\w])/
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/
const STRING = /^"(?:[^"\\]|\\.)*"/

const readPath = (source: string, start: number): number => {
  let depth = 0
  let i = start + 1
  for (; i < source.length; i++) {
    const char = source[i]!
    if (char === '"' || char === "'") i = source.indexOf(char, i + 1)
    else if (char === '[') depth++
    else if (char === ']') depth--
    else if (depth === 0 && /[\s()=!<>]/.test(char)) break
    if (i < 0) throw new SyntaxError('unterminated string in filter')
  }
  return i
}

const readToken = (source: string, i: number): { token?: Token; end: number } => {
  const rest = source.slice(i)
  const char = source[i]!
  if (/\s/.test(char)) return { end: i + 1 }
  if (char === '(' || char === ')') return { token: { kind: char === '(' ? 'open' : 'close', text: char }, end: i + 1 }
  if (rest.startsWith('==') || rest.startsWith('&&') || rest.startsWith('||')) {
    throw new SyntaxError(`'${rest.slice(0, 2)}' is not jsonpath2 syntax: use a single = for equality, and/or/not for logic`)
  }
  if (char === '$') throw new SyntaxError("'$' inside a filter is not supported; compare against a literal value")
  if (char === '@') {
    const end = readPath(source, i)
    const path = source.slice(i, end)
    if (path.includes('?')) throw new SyntaxError('a filter inside a filter is not supported')
    return { token: { kind: 'path', text: path }, end }
  }
  const word = WORD.exec(rest)?.[1]
  if (word === 'and' || word === 'or' || word === 'not') return { token: { kind: word, text: word }, end: i + word.length }
  const literal = word ?? STRING.exec(rest)?.[0] ?? NUMBER.exec(rest)?.[0]
  if (literal) return { token: { kind: 'literal', text: literal }, end: i + literal.length }
  const operator = OPERATORS.find((op) => rest.startsWith(op))
  if (operator) return { token: { kind: 'op', text: operator === '=' ? '==' : operator }, end: i + operator.length }
  throw new SyntaxError(`unexpected '${rest.slice(0, 10)}' in filter`)
}

const tokenize = (source: string): Token[] => {
  const tokens: Token[] = []
  for (let i = 0; i < source.length; ) {
    const { token, end } = readToken(source, i)
    if (token) tokens.push(token)
    i = end
  }
  return tokens
}

// jsonpath2's grammar: and binds looser than or; not applies to the next comparison or parenthesised expression
const translate = (tokens: Token[]): string => {
  let position = 0
  const peek = () => tokens[position]
  const take = (kind: Token['kind']): Token => {
    const token = tokens[position++]
    if (token?.kind !== kind) throw new SyntaxError(`expected ${kind} but found ${token ? `'${token.text}'` : 'the end of the filter'}`)
    return token
  }
  const andExpression = (): string => {
    const left = orExpression()
    if (peek()?.kind !== 'and') return left
    take('and')
    return `(${left} && ${andExpression()})`
  }
  const orExpression = (): string => {
    const left = notExpression()
    if (peek()?.kind !== 'or') return left
    take('or')
    return `(${left} || ${orExpression()})`
  }
  const notExpression = (): string => {
    if (peek()?.kind === 'not') {
      take('not')
      return `!(${notExpression()})`
    }
    if (peek()?.kind === 'open') {
      take('open')
      const inner = andExpression()
      take('close')
      return `(${inner})`
    }
    const path = take('path').text
    return peek()?.kind === 'op' ? `${path} ${take('op').text} ${take('literal').text}` : path
  }
  const expression = andExpression()
  if (position < tokens.length) throw new SyntaxError(`unexpected '${tokens[position]!.text}' in filter`)
  return expression
}

/**
 * Translates the text after `?` in a jsonpath2 filter subscript into an RFC 9535 logical expression.
 *
 * @example
 * toFilterExpression('(@.baz="hello" and not @.gone)') // '((@.baz == "hello" && !(@.gone)))'
 */
export const toFilterExpression = (source: string): string => translate(tokenize(source))
