// JSON pointers (RFC 6901): the path scheme of every experiment issue, e.g. `/method/0/provider/func`.

/** Escapes one JSON pointer segment (`~` → `~0`, `/` → `~1`). */
export const escapePointer = (segment: string | number): string => String(segment).replaceAll('~', '~0').replaceAll('/', '~1')

/**
 * Builds a JSON pointer from path segments.
 *
 * @example
 * toPointer(['method', 0, 'provider']) // '/method/0/provider'
 */
export const toPointer = (segments: readonly (string | number)[]): string => segments.map((s) => `/${escapePointer(s)}`).join('')

/**
 * Splits a JSON pointer into its segments (numeric-looking segments stay strings).
 *
 * @example
 * parsePointer('/a~1b/0') // ['a/b', '0']
 */
export const parsePointer = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
