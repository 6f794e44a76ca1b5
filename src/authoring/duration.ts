/** A duration: `'500ms'`, `'2s'`, `'1.5m'`, or a bare number in the unit the field documents. */
export type Duration = number | `${number}ms` | `${number}s` | `${number}m`

const UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const

/**
 * Converts a duration to milliseconds; a bare number is read in `numberUnit`.
 *
 * @example
 * parseDuration('1.5s') // 1500
 * parseDuration(20, 's') // 20000
 */
export const parseDuration = (value: Duration, numberUnit: 'ms' | 's' = 'ms'): number => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`duration ${value} must be a finite number >= 0`)
    return value * UNIT_MS[numberUnit]
  }
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)\s*$/.exec(value)
  if (!match) {
    throw new RangeError(`duration "${value}" is not understood: write it as '500ms', '2s' or '1m'`)
  }
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}

/** Milliseconds as the shortest readable text: `850ms`, `6.2s`, `1m 5s`. */
export const formatDuration = (ms: number): string => {
  if (ms < 1000) return `${Math.round(ms)}ms`
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`
  const minutes = Math.floor(ms / 60_000)
  return `${minutes}m ${Math.round((ms - minutes * 60_000) / 1000)}s`
}
