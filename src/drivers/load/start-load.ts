import { ChaosError } from '../../errors.js'
import { LoadSamples } from './load-samples.js'
import type { FromLoadThread, LoadThreadOptions, ToLoadThread } from './load-thread-protocol.js'
import type { LoadOptions, LoadPhase, LoadReport, RunningLoad, TimelineSecond } from './load-types.js'
import { monotonicMs } from './monotonic-ms.js'
import { startLoadThread } from './start-load-thread.js'
import { buildTimeline, figuresFor, summarizePhases } from './summarize-load.js'
import { resolveLoadOptions, type ResolvedLoadOptions } from './validate-load-options.js'
import { checkOptions } from '../../options/check-options.js'
import { loadOptionsSchema } from '../../options/load-options-schema.js'

const threadOptions = (resolved: ResolvedLoadOptions): LoadThreadOptions => ({
  target: resolved.target, connections: resolved.connections, method: resolved.method ?? 'GET', headers: resolved.headers ?? {},
  ...(resolved.body === undefined ? {} : { body: resolved.body }),
  ...(resolved.overallRate === undefined ? {} : { overallRate: resolved.overallRate }),
  timeoutMs: resolved.timeoutMs, maxDurationMs: resolved.maxDurationMs, maxRequests: resolved.maxRequests,
})

/** The requests that ended since row `from`, as one timeline second (for `onTick`). */
const summarizeSince = (samples: LoadSamples, from: number, second: number, phase: LoadPhase): TimelineSecond => {
  const figures = figuresFor(samples, Array.from({ length: samples.length - from }, (_, index) => from + index), 1000)
  return {
    second, phase, requests: figures.responses, errors: figures.errors, timeouts: figures.timeouts,
    non2xx: figures.non2xx, cut: figures.cut, p50: figures.latencyMs.p50, p99: figures.latencyMs.p99,
  }
}

/**
 * Sends HTTP load with autocannon in a thread of its own, so neither the test nor the cluster slows it down, and
 * times every request itself: each request sent is counted once, as answered, timed out, failed, or cut.
 *
 * @example
 * const load = startLoad({ url: cluster.urls.productPage!, path: '/productpage', connections: 10, overallRate: 200 })
 * load.mark('fault'); await drainNode(); load.mark('recovery'); await waitForRecovery()
 * const report = await load.stop()   // report.phases.fault.errorRate, report.phases.fault.latencyMs.p99
 */
export const startLoad = (options: LoadOptions): RunningLoad => {
  const resolved = resolveLoadOptions(checkOptions('startLoad', loadOptionsSchema, options))
  const startedAt = new Date().toISOString()
  const samples = new LoadSamples()
  // times in monotonicMs(), shared with the load's thread; the report counts from when the thread started sending
  let t0 = monotonicMs()
  const marks: { phase: LoadPhase; at: number }[] = [{ phase: 'baseline', at: t0 }]
  let stopping = false
  let ended = false
  let tickCursor = 0
  const thread = startLoadThread(threadOptions(resolved))
  // a signal still cuts a load that is draining after stop()
  const send = (message: ToLoadThread) => {
    if (!ended && (!stopping || message.reason === 'signal')) thread.postMessage(message)
    stopping = true
  }
  const onAbort = () => send({ type: 'stop', reason: 'signal' })

  const report = (done: Extract<FromLoadThread, { type: 'done' }>): LoadReport => {
    const endMs = Math.max(0, done.endAt - t0)
    const relativeMarks = marks.map((mark) => ({ phase: mark.phase, atMs: Math.max(0, mark.at - t0) }))
    return {
      url: resolved.target, startedAt, durationMs: Math.round(endMs), stoppedBy: done.stoppedBy,
      total: figuresFor(samples, Array.from({ length: samples.length }, (_, row) => row), endMs),
      phases: summarizePhases(samples, relativeMarks, endMs), timeline: buildTimeline(samples, relativeMarks, endMs),
      marks: relativeMarks.map((mark) => ({ phase: mark.phase, atMs: Math.round(mark.atMs) })),
    }
  }

  let markStarted: () => void = () => undefined
  const started = new Promise<void>((resolve) => (markStarted = resolve))
  const finished = new Promise<LoadReport>((resolve, reject) => {
    let outcome: (() => void) | undefined
    thread.on('message', (message: FromLoadThread) => {
      if (message.type === 'started') {
        t0 = message.at
        marks[0]!.at = t0
        markStarted()
      } else if (message.type === 'rows') {
        samples.append(message.rows, t0)
      } else if (message.type === 'tick') {
        if (!resolved.onTick || stopping) return
        resolved.onTick(summarizeSince(samples, tickCursor, Math.max(0, Math.floor((monotonicMs() - t0) / 1000) - 1), marks.at(-1)!.phase))
        tickCursor = samples.length
      } else {
        stopping = ended = true
        outcome = message.error === undefined
          ? () => resolve(report(message))
          : () => reject(new ChaosError(`load on ${resolved.target} could not run: ${message.error}`))
      }
    })
    thread.on('error', (error) => {
      outcome = () => reject(new ChaosError(`load on ${resolved.target} could not run: ${error.message}`, { cause: error }))
    })
    // the report is handed over once the thread has ended, its connections closed
    thread.on('exit', (code) => {
      resolved.signal?.removeEventListener('abort', onAbort)
      markStarted()
      if (outcome) outcome()
      else reject(new ChaosError(`load on ${resolved.target}: its thread ended (exit code ${code}) before reporting`))
    })
  })
  finished.catch(() => {})
  if (resolved.signal?.aborted) onAbort()
  else resolved.signal?.addEventListener('abort', onAbort, { once: true })

  return {
    mark(phase: LoadPhase) {
      if (!stopping && marks.at(-1)!.phase !== phase) marks.push({ phase, at: monotonicMs() })
    },
    get phase() {
      return marks.at(-1)!.phase
    },
    get sent() {
      return samples.length
    },
    started,
    stop() {
      send({ type: 'stop', reason: 'stop' })
      return finished
    },
    finished,
  }
}
