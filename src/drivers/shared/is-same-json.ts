const sortKeys = (_key: string, value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : value

/**
 * Equality of two JSON values by content alone: key order and the realm that built the objects do not
 * matter (`util.isDeepStrictEqual` compares prototypes, so objects parsed inside Jest's vm context never equal ours).
 *
 * @example
 * isSameJson({ a: 1, b: [2] }, JSON.parse('{"b":[2],"a":1}')) // true
 */
export const isSameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a, sortKeys) === JSON.stringify(b, sortKeys)
