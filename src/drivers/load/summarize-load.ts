import { OUTCOME_COUNT, OUTCOME_NON2XX, OUTCOME_OK, type LoadSamples } from './load-samples.js'
import type { LoadPhase, PhaseFigures, TimelineSecond } from './load-types.js'
import { percentile } from './percentile.js'

export interface PhaseMark { phase: LoadPhase; atMs: number }

/** The phase in force at `atMs`: the last mark at or before it. */
export const phaseAt = (marks: readonly PhaseMark[], atMs: number): LoadPhase => {
  let phase: LoadPhase = 'baseline'
  for (const mark of marks) {
    if (mark.atMs > atMs) break
    phase = mark.phase
  }
  return phase
}

/** Figures for some rows of the samples over a window of `durationMs`. */
export const figuresFor = (samples: LoadSamples, rows: readonly number[], durationMs: number): PhaseFigures => {
  const latencies: number[] = []
  const statusCodes: Record<string, number> = {}
  const counts = new Array<number>(OUTCOME_COUNT).fill(0)
  for (const row of rows) {
    const outcome = samples.outcome[row]!
    counts[outcome]! += 1
    if (outcome === OUTCOME_OK || outcome === OUTCOME_NON2XX) {
      latencies.push(samples.latencyMs[row]!)
      const code = String(samples.status[row])
      statusCodes[code] = (statusCodes[code] ?? 0) + 1
    }
  }
  latencies.sort((a, b) => a - b)
  const [ok, non2xx, timeouts, errors, cut] = counts as [number, number, number, number, number]
  const sent = rows.length
  const ended = sent - cut
  return {
    durationMs: Math.round(durationMs),
    sent, responses: ok + non2xx, ok, non2xx, timeouts, errors, cut,
    errorRate: ended === 0 ? 0 : (errors + timeouts + non2xx) / ended,
    throughput: durationMs <= 0 ? 0 : Math.round(((ok + non2xx) / durationMs) * 1000 * 10) / 10,
    latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
    statusCodes,
  }
}

/** Splits the samples by phase (by when each request was sent) and sums each phase's time. */
export const summarizePhases = (samples: LoadSamples, marks: readonly PhaseMark[], endMs: number): Partial<Record<LoadPhase, PhaseFigures>> => {
  const rows = new Map<LoadPhase, number[]>()
  const time = new Map<LoadPhase, number>()
  marks.forEach((mark, index) => {
    const until = Math.min(endMs, marks[index + 1]?.atMs ?? endMs)
    time.set(mark.phase, (time.get(mark.phase) ?? 0) + Math.max(0, until - mark.atMs))
    if (!rows.has(mark.phase)) rows.set(mark.phase, [])
  })
  for (let row = 0; row < samples.length; row += 1) rows.get(phaseAt(marks, samples.startMs[row]!))!.push(row)
  const phases: Partial<Record<LoadPhase, PhaseFigures>> = {}
  for (const [phase, phaseRows] of rows) phases[phase] = figuresFor(samples, phaseRows, time.get(phase) ?? 0)
  return phases
}

/** One entry per second of the load, by when each request was sent. */
export const buildTimeline = (samples: LoadSamples, marks: readonly PhaseMark[], endMs: number): TimelineSecond[] => {
  const seconds = Math.max(1, Math.ceil(endMs / 1000))
  const buckets: number[][] = Array.from({ length: seconds }, () => [])
  for (let row = 0; row < samples.length; row += 1) {
    const second = Math.min(seconds - 1, Math.max(0, Math.floor(samples.startMs[row]! / 1000)))
    buckets[second]!.push(row)
  }
  const timeline: TimelineSecond[] = []
  for (let second = 0; second < seconds; second += 1) {
    const figures = figuresFor(samples, buckets[second]!, 1000)
    timeline.push({
      second, phase: phaseAt(marks, second * 1000),
      requests: figures.responses, errors: figures.errors, timeouts: figures.timeouts, non2xx: figures.non2xx, cut: figures.cut,
      p50: figures.latencyMs.p50, p99: figures.latencyMs.p99,
    })
  }
  return timeline
}
