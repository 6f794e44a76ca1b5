import { describe, expect, it } from 'vitest'
import { LoadSamples, OUTCOME_CUT, OUTCOME_ERROR, OUTCOME_NON2XX, OUTCOME_OK, OUTCOME_TIMEOUT } from './load-samples.js'
import { percentile } from './percentile.js'
import { buildTimeline, phaseAt, summarizePhases } from './summarize-load.js'

describe('percentile', () => {
  it('uses the nearest rank and keeps sub-millisecond values', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => (index + 1) / 10)
    expect(percentile(sorted, 50)).toBe(5)
    expect(percentile(sorted, 99)).toBe(9.9)
    expect(percentile(sorted, 100)).toBe(10)
    expect(percentile([0.1234567], 50)).toBe(0.123)
    expect(percentile([], 99)).toBe(0)
  })
})

describe('phaseAt', () => {
  const marks = [{ phase: 'baseline', atMs: 0 }, { phase: 'fault', atMs: 1000 }, { phase: 'recovery', atMs: 2500 }] as const
  it('takes the last mark at or before the time', () => {
    expect(phaseAt(marks, 0)).toBe('baseline')
    expect(phaseAt(marks, 999.9)).toBe('baseline')
    expect(phaseAt(marks, 1000)).toBe('fault')
    expect(phaseAt(marks, 2499)).toBe('fault')
    expect(phaseAt(marks, 9999)).toBe('recovery')
  })
})

describe('summarizePhases', () => {
  // 10 answered requests a second in baseline (1 ms), then a fault second with delays, errors and timeouts
  const samples = new LoadSamples()
  for (let index = 0; index < 10; index += 1) samples.add(index * 100, 1, OUTCOME_OK, 200)
  samples.add(1000, 300, OUTCOME_OK, 200)
  samples.add(1100, 5, OUTCOME_NON2XX, 503)
  samples.add(1200, 1000, OUTCOME_TIMEOUT)
  samples.add(1300, 0, OUTCOME_ERROR)
  // sent, unanswered when the load was cut: counted once, outside the error rate
  samples.add(1400, 0, OUTCOME_CUT)
  samples.add(2100, 2, OUTCOME_OK, 200)
  const marks = [{ phase: 'baseline', atMs: 0 }, { phase: 'fault', atMs: 1000 }, { phase: 'recovery', atMs: 2000 }] as const

  it('splits counts, error rate and latency by the phase each request was sent in', () => {
    const phases = summarizePhases(samples, marks, 3000)
    expect(phases.baseline).toEqual({
      durationMs: 1000, sent: 10, responses: 10, ok: 10, non2xx: 0, timeouts: 0, errors: 0, cut: 0, errorRate: 0, throughput: 10,
      latencyMs: { p50: 1, p90: 1, p99: 1, max: 1 }, statusCodes: { 200: 10 },
    })
    expect(phases.fault).toEqual({
      durationMs: 1000, sent: 5, responses: 2, ok: 1, non2xx: 1, timeouts: 1, errors: 1, cut: 1, errorRate: 0.75, throughput: 2,
      latencyMs: { p50: 5, p90: 300, p99: 300, max: 300 }, statusCodes: { 200: 1, 503: 1 },
    })
    expect(phases.recovery).toMatchObject({ durationMs: 1000, sent: 1, ok: 1, errorRate: 0 })
  })

  it('adds up the time of a phase marked twice', () => {
    const again = [...marks, { phase: 'fault', atMs: 2500 }] as const
    expect(summarizePhases(samples, again, 3000).fault?.durationMs).toBe(1500)
  })

  it('builds one timeline entry per second with the phase at its start', () => {
    expect(buildTimeline(samples, marks, 3000)).toEqual([
      { second: 0, phase: 'baseline', requests: 10, errors: 0, timeouts: 0, non2xx: 0, cut: 0, p50: 1, p99: 1 },
      { second: 1, phase: 'fault', requests: 2, errors: 1, timeouts: 1, non2xx: 1, cut: 1, p50: 5, p99: 300 },
      { second: 2, phase: 'recovery', requests: 1, errors: 0, timeouts: 0, non2xx: 0, cut: 0, p50: 2, p99: 2 },
    ])
  })
})
