import { describe, expect, it } from 'vitest'
import type { Journal } from '../journal/types.js'
import type { ChaosRunRecord } from '../session/chaos-run-record.js'
import type { LoadReportLike } from '../session/load-report.js'
import { buildRunTimeline } from './run-timeline.js'

const journal: Journal = {
  'chaoslib-version': '1.0.0', platform: 'linux', node: 'test',
  experiment: { title: 'a fault', description: '', method: [] },
  start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:00:01.000Z', duration: 1,
  status: 'completed', deviated: false,
  steady_states: { before: null, after: null, during: [] }, run: [], rollbacks: [],
}

const recordWith = (load: LoadReportLike): ChaosRunRecord => ({ title: 'a fault', verdict: 'steady', faults: [], journalPath: 'journal.json', journal, load })

const bucket = (atMs: number, figures: { sent: number; responses: number; errors?: number; cut?: number; p50?: number; p99?: number }) =>
  ({ atMs, phase: 'baseline' as const, non2xx: 0, timeouts: 0, errors: 0, cut: 0, p50: 0, p99: 0, ...figures })

describe('buildRunTimeline', () => {
  it('draws the load report\'s 100 ms buckets, the last one cut where the load stopped, with gaps where nothing was answered', () => {
    const timeline = buildRunTimeline(recordWith({
      phases: {}, startedAt: '2026-01-01T00:00:00.200Z', durationMs: 250, bucketMs: 100,
      buckets: [bucket(0, { sent: 4, responses: 3, errors: 1, p50: 2, p99: 9 }), bucket(100, { sent: 2, responses: 0, cut: 2 }), bucket(200, { sent: 1, responses: 1, p50: 3, p99: 3 })],
      timeline: [{ second: 0, phase: 'baseline', requests: 4, errors: 1, timeouts: 0, non2xx: 0, cut: 2, p50: 2, p99: 9 }],
    }))
    expect(timeline.resolutionMs).toBe(100)
    expect(timeline.buckets).toEqual([
      { fromMs: 200, toMs: 300, throughput: 30, secondThroughput: 16, errorRate: 0.25, p50: 2, p99: 9 },
      // two requests cut by the stop: neither an error rate nor a latency
      { fromMs: 300, toMs: 400, throughput: 0, secondThroughput: 16 },
      // the second's average: 4 answered over the 250 ms the load ran
      { fromMs: 400, toMs: 450, throughput: 20, secondThroughput: 16, errorRate: 0, p50: 3, p99: 3 },
    ])
  })

  it('falls back to the per-second timeline of a journal written before the buckets', () => {
    const timeline = buildRunTimeline(recordWith({
      phases: {}, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1500,
      timeline: [
        { second: 0, phase: 'baseline', requests: 9, errors: 1, timeouts: 0, non2xx: 0, cut: 0, p50: 2, p99: 5 },
        { second: 1, phase: 'fault', requests: 5, errors: 0, timeouts: 0, non2xx: 0, cut: 0, p50: 4, p99: 8 },
      ],
    }))
    expect(timeline.resolutionMs).toBe(1000)
    expect(timeline.buckets).toEqual([
      { fromMs: 0, toMs: 1000, throughput: 9, errorRate: 0.1, p50: 2, p99: 5 },
      { fromMs: 1000, toMs: 1500, throughput: 10, errorRate: 0, p50: 4, p99: 8 },
    ])
  })
})
