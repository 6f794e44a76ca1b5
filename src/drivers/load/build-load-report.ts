import type { FromLoadThread } from './load-thread-protocol.js'
import type { LoadRecording } from './load-recording.js'
import type { LoadReport } from './load-types.js'
import { bucketMsFor, buildBuckets, buildTimeline, figuresFor, summarizePhases } from './summarize-load.js'

/** The report of a load whose thread said it was done; every time counts from the recording's `t0`. */
export const buildLoadReport = (recording: LoadRecording, url: string, done: Extract<FromLoadThread, { type: 'done' }>): LoadReport => {
  const { samples, t0 } = recording
  const endMs = Math.max(0, done.endAt - t0)
  const relativeMarks = recording.marks.map((mark) => ({ phase: mark.phase, atMs: Math.max(0, mark.at - t0) }))
  const bucketMs = bucketMsFor(endMs)
  return {
    url, startedAt: recording.startedAt, durationMs: Math.round(endMs), stoppedBy: done.stoppedBy,
    total: figuresFor(samples, Array.from({ length: samples.length }, (_, row) => row), endMs),
    phases: summarizePhases(samples, relativeMarks, endMs), timeline: buildTimeline(samples, relativeMarks, endMs),
    bucketMs, buckets: buildBuckets(samples, relativeMarks, endMs, bucketMs),
    marks: relativeMarks.map((mark) => ({ phase: mark.phase, atMs: Math.round(mark.atMs) })),
  }
}
