// Chaos Toolkit's `${name}` substitution: Python's string.Template.safe_substitute, plus a typed lone `${x}`.
import { setOwn } from './plain-object.js'
import { formatPythonValue } from './python-format.js'

const IDENTIFIER = '[_A-Za-z][_A-Za-z0-9]*'
const PLACEHOLDER = new RegExp(`\\$(?:(\\$)|(${IDENTIFIER})|\\{(${IDENTIFIER})\\})`, 'g')
const LONE_BRACED = new RegExp(`^\\$\\{(${IDENTIFIER})\\}$`)

const has = (lookup: Record<string, unknown>, name: string): boolean => Object.hasOwn(lookup, name)

const substituteString = (text: string, lookup: Record<string, unknown>): unknown => {
  const lone = LONE_BRACED.exec(text)
  if (lone?.[1] !== undefined && has(lookup, lone[1])) return lookup[lone[1]]
  return text.replace(PLACEHOLDER, (match, escaped?: string, named?: string, braced?: string) => {
    if (escaped) return '$'
    const name = named ?? braced ?? ''
    return has(lookup, name) ? formatPythonValue(lookup[name]) : match
  })
}

/**
 * Replaces `${name}` and `$name` in every string of `value` (recursively through objects and lists)
 * with Chaos Toolkit's rules: a string that is exactly `${name}` becomes the typed value, `$$` becomes `$`,
 * unknown names and non-identifiers (`${my-key}`) are left untouched. The input is not modified.
 *
 * @example
 * substitute({ replicas: '${n}', url: 'http://$host/x' }, { n: 3, host: 'a' }) // { replicas: 3, url: 'http://a/x' }
 */
export function substitute<T>(value: T, lookup: Record<string, unknown>): T {
  if (typeof value === 'string') return substituteString(value, lookup) as T
  if (Array.isArray(value)) return value.map((item: unknown) => substitute(item, lookup)) as T
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, substitute(item, lookup))
    return copy as T
  }
  return value
}

/**
 * The substitution lookup: configuration first, then each secret scope's keys in declaration order;
 * the first definition of a name wins.
 *
 * @example
 * buildLookup({ ns: 'a' }, { k8s: { ns: 'b', token: 't' } }) // { ns: 'a', token: 't' }
 */
export function buildLookup(
  configuration: Record<string, unknown> | undefined,
  secrets: Record<string, Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const lookup: Record<string, unknown> = {}
  const scopes = [configuration ?? {}, ...Object.values(secrets ?? {})]
  for (const scope of scopes) {
    if (scope === null || typeof scope !== 'object') continue
    for (const [key, item] of Object.entries(scope)) if (!has(lookup, key)) setOwn(lookup, key, item)
  }
  return lookup
}
