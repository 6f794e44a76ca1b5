// Python's datetime.isoformat() shape, so journals read like chaoslib's: microseconds and `+00:00`.

const ORIGIN_MS = performance.timeOrigin

/** Now, as milliseconds since the epoch with sub-millisecond precision. */
export const preciseNow = (): number => ORIGIN_MS + performance.now()

/**
 * Formats an epoch time (ms, fractional allowed) as `2026-11-26T14:47:55.813668+00:00`.
 *
 * @example
 * formatTimestamp(Date.UTC(2026, 10, 26, 14, 47, 55, 813.668)) // '2026-11-26T14:47:55.813668+00:00'
 */
export const formatTimestamp = (epochMs: number): string => {
  const totalMicros = Math.round(epochMs * 1000)
  const micros = ((totalMicros % 1_000_000) + 1_000_000) % 1_000_000
  const base = new Date((totalMicros - micros) / 1000).toISOString().slice(0, 19)
  return `${base}.${String(micros).padStart(6, '0')}+00:00`
}

/** Seconds between two epoch times (ms), as the float chaoslib records. */
export const secondsBetween = (startMs: number, endMs: number): number => Math.max(0, (endMs - startMs) / 1000)
