import { describe, expect, it } from 'vitest'
import { formatDuration, parseDuration } from './parse-duration.js'

describe('parseDuration', () => {
  it('reads Istio durations in milliseconds', () => {
    expect([parseDuration('7s'), parseDuration('0.5s'), parseDuration('100ms'), parseDuration('1m'), parseDuration('1h')]).toEqual([7000, 500, 100, 60_000, 3_600_000])
  })

  it('returns undefined for absent or malformed values', () => {
    expect([parseDuration(undefined), parseDuration(''), parseDuration('5'), parseDuration('fast')]).toEqual([undefined, undefined, undefined, undefined])
  })

  it('formats the fault marker value', () => {
    expect([formatDuration(5000), formatDuration(500), formatDuration(2500)]).toEqual(['5s', '0.5s', '2.5s'])
  })
})
