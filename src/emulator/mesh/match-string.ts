import type { StringMatch } from './istio-types.js'

const compiled = new Map<string, RegExp>()

/** RE2 full match, as Envoy does: anchored, with a leading `(?i)` turned into the `i` flag. */
export const fullMatchRegex = (pattern: string): RegExp => {
  let found = compiled.get(pattern)
  if (!found) {
    const caseless = pattern.startsWith('(?i)')
    found = new RegExp(`^(?:${caseless ? pattern.slice(4) : pattern})$`, caseless ? 'i' : '')
    compiled.set(pattern, found)
  }
  return found
}

/** An empty match (or regex `*`) only asks that the value be present. */
export const matchString = (match: StringMatch, value: string | undefined, ignoreCase = false): boolean => {
  if (value === undefined) return false
  const fold = (text: string) => (ignoreCase ? text.toLowerCase() : text)
  if (match.exact !== undefined) return fold(value) === fold(match.exact)
  if (match.prefix !== undefined) return fold(value).startsWith(fold(match.prefix))
  if (match.regex !== undefined && match.regex !== '*') return fullMatchRegex(match.regex).test(value)
  return true
}
