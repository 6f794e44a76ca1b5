// Python `re` syntax → JavaScript RegExp, for regex tolerances written for Chaos Toolkit.

const KNOWN_ESCAPES = new Set('abBdDfnrsStvwWZAxuUN0123456789'.split(''))

const translateInlineFlags = (pattern: string): { source: string; flags: string } => {
  const match = /^\(\?([aiLmsux]+)\)/.exec(pattern)
  if (!match?.[1]) return { source: pattern, flags: '' }
  if (match[1].includes('x')) throw new SyntaxError('verbose patterns ((?x)) are not supported; write the pattern on one line without comments')
  const flags = [...new Set(match[1].split('').filter((flag) => 'ims'.includes(flag)))].join('')
  return { source: pattern.slice(match[0].length), flags }
}

const translateBody = (source: string, multiline: boolean): string => {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!
    const rest = source.slice(i)
    if (char === '\\') {
      const next = source[i + 1]
      if (next === undefined) throw new SyntaxError('bad escape (end of pattern)')
      if (/[A-Za-z]/.test(next) && !KNOWN_ESCAPES.has(next)) throw new SyntaxError(`bad escape \\${next}`)
      out += next === 'A' && !inClass ? '^' : next === 'Z' && !inClass ? '$(?![\\s\\S])' : char + next
      i++
    } else if (inClass) {
      if (char === ']') inClass = false
      out += char
    } else if (char === '$' && !multiline) {
      // python's $ also matches just before a final newline
      out += '(?=\\n?$)'
    } else if (char === '[') {
      inClass = true
      out += char
      if (source[i + 1] === '^') out += source[++i]
      if (source[i + 1] === ']') out += `\\${source[++i]}`
    } else if (rest.startsWith('(?P<')) {
      out += '(?<'
      i += 3
    } else if (rest.startsWith('(?P=')) {
      const end = source.indexOf(')', i)
      out += `\\k<${source.slice(i + 4, end)}>`
      i = end
    } else if (rest.startsWith('(?#')) {
      i = source.indexOf(')', i)
      if (i < 0) throw new SyntaxError('missing ), unterminated comment')
    } else {
      out += char
    }
  }
  return out
}

/**
 * Compiles a Python regular expression as a JavaScript `RegExp`: named groups `(?P<n>…)`/`(?P=n)`, leading inline
 * flags `(?i)`, `(?#…)` comments, `\A` and `\Z` are translated; unknown escapes such as `\q` are errors, as in Python.
 * Throws a `SyntaxError` whose message says what is wrong.
 *
 * @example
 * compilePythonRegex('(?i)(?P<code>\\d{3}) OK').test('200 ok') // true
 */
export function compilePythonRegex(pattern: string): RegExp {
  const { source, flags } = translateInlineFlags(pattern)
  try {
    return new RegExp(translateBody(source, flags.includes('m')), flags)
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')
    throw new SyntaxError(reason, { cause: error })
  }
}
