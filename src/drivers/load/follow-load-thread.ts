import type { Worker } from 'node:worker_threads'
import { ChaosError } from '../../errors.js'
import { buildLoadReport } from './build-load-report.js'
import type { LoadSamples } from './load-samples.js'
import type { FromLoadThread } from './load-thread-protocol.js'
import type { LoadRecording } from './load-recording.js'
import type { LoadPhase, LoadReport, TimelineSecond } from './load-types.js'
import { monotonicMs } from './monotonic-ms.js'
import { figuresFor } from './summarize-load.js'
import type { ResolvedLoadOptions } from './validate-load-options.js'

/** The requests that ended since row `from`, as one timeline second (for `onTick`). */
const summarizeSince = (samples: LoadSamples, from: number, second: number, phase: LoadPhase): TimelineSecond => {
  const figures = figuresFor(samples, Array.from({ length: samples.length - from }, (_, index) => from + index), 1000)
  return {
    second, phase, requests: figures.responses, errors: figures.errors, timeouts: figures.timeouts,
    non2xx: figures.non2xx, cut: figures.cut, p50: figures.latencyMs.p50, p99: figures.latencyMs.p99,
  }
}

const noteStarted = (recording: LoadRecording, at: number): void => {
  recording.t0 = at
  recording.marks[0]!.at = at
  // the report's times count from here, so its wall-clock start is this moment, not the call (the thread takes up to a second to start)
  recording.startedAt = new Date(Date.now() - (monotonicMs() - at)).toISOString()
}

const noteTick = (recording: LoadRecording, onTick: ResolvedLoadOptions['onTick']): void => {
  if (!onTick || recording.stopping) return
  const second = Math.max(0, Math.floor((monotonicMs() - recording.t0) / 1000) - 1)
  onTick(summarizeSince(recording.samples, recording.tickCursor, second, recording.marks.at(-1)!.phase))
  recording.tickCursor = recording.samples.length
}

/**
 * Records what the load's thread reports: `started` settles once it sends (or ends), `finished` with the report once
 * it has ended, its connections closed. `onExit` runs when the thread has ended.
 */
export const followLoadThread = (thread: Worker, recording: LoadRecording, resolved: ResolvedLoadOptions, onExit: () => void): { started: Promise<void>; finished: Promise<LoadReport> } => {
  let markStarted: () => void = () => undefined
  const started = new Promise<void>((resolve) => (markStarted = resolve))
  const finished = new Promise<LoadReport>((resolve, reject) => {
    let outcome: (() => void) | undefined
    thread.on('message', (message: FromLoadThread) => {
      if (message.type === 'started') {
        noteStarted(recording, message.at)
        markStarted()
      } else if (message.type === 'rows') {
        recording.samples.append(message.rows, recording.t0)
      } else if (message.type === 'tick') {
        noteTick(recording, resolved.onTick)
      } else {
        recording.stopping = recording.ended = true
        outcome = message.error === undefined
          ? () => resolve(buildLoadReport(recording, resolved.target, message))
          : () => reject(new ChaosError(`load on ${resolved.target} could not run: ${message.error}`))
      }
    })
    thread.on('error', (error) => {
      outcome = () => reject(new ChaosError(`load on ${resolved.target} could not run: ${error.message}`, { cause: error }))
    })
    thread.on('exit', (code) => {
      onExit()
      markStarted()
      if (outcome) outcome()
      else reject(new ChaosError(`load on ${resolved.target}: its thread ended (exit code ${code}) before reporting`))
    })
  })
  return { started, finished }
}
