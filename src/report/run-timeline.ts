import { parseDuration } from '../authoring/duration.js'
import type { Run } from '../journal/types.js'
import type { ChaosRunRecord } from '../session/chaos-run-record.js'
import { extrasOf } from '../session/journal-extras.js'
import type { LoadPhase } from '../session/load-report.js'

/** A stretch of the run in one phase, in ms since the journal's start. */
export interface PhaseBand { phase: LoadPhase; fromMs: number; toMs: number }

export type MarkKind = 'activity-start' | 'activity-end' | 'rollback' | 'recovered'

export interface TimelineMark { atMs: number; kind: MarkKind; label: string }

/** Load figures over one bucket of the load's timeline; no error rate when no request ended in it, no latency when none was answered. */
export interface LoadBucket {
  fromMs: number
  toMs: number
  /** Answered requests per second over this bucket. */
  throughput: number
  /** Answered requests per second over the whole second of the load this bucket is in (buckets finer than 1 s only). */
  secondThroughput?: number
  errorRate?: number
  p50?: number
  p99?: number
}

/** Everything the report draws for one run, with times in ms since the journal's start. */
export interface RunTimeline {
  endMs: number
  bands: PhaseBand[]
  marks: TimelineMark[]
  buckets: LoadBucket[]
  /** Bucket width in ms: the load report's `bucketMs` (100), or 1000 for a journal with only the per-second timeline. */
  resolutionMs?: number
  sloP99Ms?: number
  sloErrorRate?: number
}

const at = (iso: string | undefined, zero: number): number | undefined => (iso === undefined ? undefined : Date.parse(iso) - zero)

const activityMarks = (runs: readonly Run[], zero: number, where: string): TimelineMark[] =>
  runs.flatMap((run) => {
    const start = at(run.start, zero)
    const end = at(run.end, zero)
    const name = `${run.activity.name} (${where})`
    return [
      ...(start === undefined ? [] : [{ atMs: start, kind: 'activity-start' as const, label: `${name} started` }]),
      ...(end === undefined ? [] : [{ atMs: end, kind: 'activity-end' as const, label: `${name} ended${run.status === 'failed' ? ', failed' : ''}` }]),
    ]
  })

// one stretch of the load's own timeline, from either its buckets or (journals written before them) its seconds
interface LoadSlice { atMs: number; responses: number; ended: number; failed: number; p50: number; p99: number }

const slicesOf = (load: NonNullable<ChaosRunRecord['load']>): { slices: LoadSlice[]; widthMs: number } => {
  if (load.buckets && load.bucketMs) {
    return {
      widthMs: load.bucketMs,
      slices: load.buckets.map((bucket) => ({ atMs: bucket.atMs, responses: bucket.responses, ended: bucket.sent - bucket.cut, failed: bucket.errors + bucket.timeouts + bucket.non2xx, p50: bucket.p50, p99: bucket.p99 })),
    }
  }
  return {
    widthMs: 1000,
    slices: (load.timeline ?? []).map((second) => ({ atMs: second.second * 1000, responses: second.requests, ended: second.requests + second.errors + second.timeouts, failed: second.errors + second.timeouts + second.non2xx, p50: second.p50, p99: second.p99 })),
  }
}

// the finest figures the load report carries: its 100 ms buckets, else its seconds (latency and errors need the requests of a bucket)
const bucketsOf = (record: ChaosRunRecord, offsetMs: number): { buckets: LoadBucket[]; resolutionMs?: number } => {
  if (!record.load) return { buckets: [] }
  const { slices, widthMs } = slicesOf(record.load)
  const loadEnd = record.load.durationMs ?? Number.POSITIVE_INFINITY
  // the last bucket is cut where the load stopped, so its rate is over the time it really ran
  const endOf = (slice: LoadSlice) => Math.min(slice.atMs + widthMs, Math.max(loadEnd, slice.atMs + 1))
  const perSecond = new Map<number, { responses: number; ms: number }>()
  for (const slice of slices) {
    const second = perSecond.get(Math.floor(slice.atMs / 1000)) ?? { responses: 0, ms: 0 }
    perSecond.set(Math.floor(slice.atMs / 1000), { responses: second.responses + slice.responses, ms: second.ms + endOf(slice) - slice.atMs })
  }
  return {
    buckets: slices.map((slice) => {
      const toMs = endOf(slice)
      const second = perSecond.get(Math.floor(slice.atMs / 1000))!
      return {
        fromMs: offsetMs + slice.atMs, toMs: offsetMs + toMs, throughput: (slice.responses * 1000) / (toMs - slice.atMs),
        ...(widthMs < 1000 && { secondThroughput: (second.responses * 1000) / second.ms }),
        // a bucket where nothing ended (or nothing was answered) has no error rate (latency): a gap, not a zero
        ...(slice.ended > 0 && { errorRate: slice.failed / slice.ended }),
        ...(slice.responses > 0 && { p50: slice.p50, p99: slice.p99 }),
      }
    }),
    ...(slices.length > 0 && { resolutionMs: widthMs }),
  }
}

// without load marks: baseline until the method, fault while it runs, recovery until the after-hypothesis ended
const journalBands = (record: ChaosRunRecord, zero: number, endMs: number): PhaseBand[] => {
  const journal = record.journal
  const methodStart = at(journal.run[0]?.start, zero)
  const methodEnd = at(journal.run.at(-1)?.end, zero) ?? methodStart
  if (methodStart === undefined || methodEnd === undefined) return [{ phase: 'baseline', fromMs: 0, toMs: endMs }]
  const recoveredBy = at(journal.steady_states.after?.probes.at(-1)?.end, zero) ?? at(journal.rollbacks[0]?.start, zero) ?? endMs
  return [
    { phase: 'baseline', fromMs: 0, toMs: methodStart },
    { phase: 'fault', fromMs: methodStart, toMs: methodEnd },
    { phase: 'recovery', fromMs: methodEnd, toMs: Math.max(methodEnd, recoveredBy) },
  ]
}

const loadBands = (record: ChaosRunRecord, offsetMs: number): PhaseBand[] => {
  const load = record.load!
  const marks = load.marks ?? []
  const end = offsetMs + (load.durationMs ?? 0)
  return marks.map((mark, index) => ({ phase: mark.phase, fromMs: offsetMs + mark.atMs, toMs: index + 1 < marks.length ? offsetMs + marks[index + 1]!.atMs : end }))
}

/** The timeline of one chaos run: phase bands, activity and rollback marks, when the hypothesis held again, and load buckets. */
export const buildRunTimeline = (record: ChaosRunRecord): RunTimeline => {
  const journal = record.journal
  const zero = Date.parse(journal.start)
  const endMs = Math.max(0, Date.parse(journal.end) - zero)
  const extras = extrasOf(journal)
  const offsetMs = record.load?.startedAt ? Date.parse(record.load.startedAt) - zero : 0
  const methodEnd = at(journal.run.at(-1)?.end, zero)
  const recoverySeconds = record.recoverySeconds ?? extras.recovery?.seconds
  const marks: TimelineMark[] = [
    ...activityMarks(journal.steady_states.before?.probes ?? [], zero, 'hypothesis before'),
    ...activityMarks(journal.run, zero, 'method'),
    ...(methodEnd !== undefined && typeof recoverySeconds === 'number' ? [{ atMs: methodEnd + recoverySeconds * 1000, kind: 'recovered' as const, label: `hypothesis held again after ${recoverySeconds.toFixed(1)} s` }] : []),
    ...activityMarks(journal.steady_states.after?.probes ?? [], zero, 'hypothesis after'),
    ...journal.rollbacks.flatMap((run) => (at(run.start, zero) === undefined ? [] : [{ atMs: at(run.start, zero)!, kind: 'rollback' as const, label: `rollback ${run.activity.name}${run.status === 'failed' ? ' (failed)' : ''}` }])),
  ].sort((a, b) => a.atMs - b.atMs)
  const { buckets, resolutionMs } = bucketsOf(record, offsetMs)
  const slo = extras.slo
  return {
    endMs: Math.max(endMs, ...buckets.map((bucket) => bucket.toMs), ...marks.map((mark) => mark.atMs)),
    bands: record.load?.marks && record.load.marks.length > 0 ? loadBands(record, offsetMs) : journalBands(record, zero, endMs),
    marks,
    buckets,
    ...(resolutionMs !== undefined && { resolutionMs }),
    ...(slo?.p99 !== undefined && { sloP99Ms: parseDuration(slo.p99) }),
    ...(slo?.errorRate !== undefined && { sloErrorRate: slo.errorRate }),
  }
}
