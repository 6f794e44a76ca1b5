import { describe, expect, it } from 'vitest'
import { formatTimestamp, secondsBetween } from './timestamp.js'

describe('formatTimestamp', () => {
  it('writes Python isoformat with microseconds and +00:00', () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 26, 14, 47, 55, 813) + 0.668)).toBe('2026-11-26T14:47:55.813668+00:00')
    expect(formatTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 0))).toBe('2026-01-02T03:04:05.000000+00:00')
  })

  it('rounds to the microsecond, carrying into the next second instead of a seventh digit', () => {
    expect(formatTimestamp(Date.UTC(2026, 0, 1, 0, 0, 0, 999) + 0.9996)).toBe('2026-01-01T00:00:01.000000+00:00')
    expect(formatTimestamp(Date.UTC(2026, 0, 1, 0, 0, 0, 999) + 0.99)).toBe('2026-01-01T00:00:00.999990+00:00')
  })
})

describe('secondsBetween', () => {
  it('is a float number of seconds, never negative', () => {
    expect(secondsBetween(1000, 3500.5)).toBe(2.5005)
    expect(secondsBetween(2000, 1000)).toBe(0)
  })
})
