import { describe, expect, it } from 'vitest'
import { parseFluentDuration } from './fluent-duration.js'

describe('parseFluentDuration', () => {
  it('reads the durations read_pod_logs users write', () => {
    expect(parseFluentDuration('35s')).toBe(35)
    expect(parseFluentDuration('10 minutes')).toBe(600)
    expect(parseFluentDuration('2 hours ago')).toBe(7200)
    expect(parseFluentDuration('1.5 min')).toBe(90)
    expect(parseFluentDuration('1 day')).toBe(86_400)
  })

  it('refuses what it cannot read, saying how to write it', () => {
    expect(() => parseFluentDuration('yesterday')).toThrow("read_pod_logs: cannot read the duration 'yesterday'; write it like '35s'")
    expect(() => parseFluentDuration('5 fortnights')).toThrow('cannot read the duration')
  })
})
