import autocannon from 'autocannon'
import { performance } from 'node:perf_hooks'
import { ChaosError } from '../../errors.js'
import { LoadSamples, OUTCOME_ERROR, OUTCOME_NON2XX, OUTCOME_OK, OUTCOME_TIMEOUT } from './load-samples.js'
import type { LoadOptions, LoadPhase, LoadReport, RunningLoad, TimelineSecond } from './load-types.js'
import { buildTimeline, figuresFor, summarizePhases, type PhaseMark } from './summarize-load.js'
import { checkOptions } from '../../options/check-options.js'
import { loadOptionsSchema } from '../../options/load-options-schema.js'
import { resolveLoadOptions, type ResolvedLoadOptions } from './validate-load-options.js'

const autocannonOptions = (resolved: ResolvedLoadOptions): autocannon.Options => ({
  url: resolved.target, connections: resolved.connections, method: resolved.method ?? 'GET',
  headers: resolved.headers ?? {}, ...(resolved.body === undefined ? {} : { body: resolved.body }),
  // autocannon's own timer is only a backstop for ours; sampleInt makes stop() take ≤ 100 ms
  duration: resolved.maxDurationMs / 1000 + 1, timeout: resolved.timeoutMs / 1000, sampleInt: 100,
  ...(resolved.overallRate === undefined ? {} : { overallRate: resolved.overallRate }),
})

/** The requests that ended since row `from`, as one timeline second (for `onTick`). */
const summarizeSince = (samples: LoadSamples, from: number, second: number, phase: LoadPhase): TimelineSecond => {
  const figures = figuresFor(samples, Array.from({ length: samples.length - from }, (_, index) => from + index), 1000)
  return {
    second, phase, requests: figures.responses, errors: figures.errors, timeouts: figures.timeouts,
    non2xx: figures.non2xx, p50: figures.latencyMs.p50, p99: figures.latencyMs.p99,
  }
}

/**
 * Sends HTTP load with autocannon (in this process, one thread) and records every request itself,
 * so latency keeps sub-millisecond resolution and timeouts and errors are counted per phase.
 *
 * @example
 * const load = startLoad({ url: cluster.urls.productPage!, path: '/productpage', connections: 10, overallRate: 200 })
 * load.mark('fault'); await drainNode(); load.mark('recovery'); await waitForRecovery()
 * const report = await load.stop()   // report.phases.fault.errorRate, report.phases.fault.latencyMs.p99
 */
export const startLoad = (options: LoadOptions): RunningLoad => {
  const resolved = resolveLoadOptions(checkOptions('startLoad', loadOptionsSchema, options))
  const t0 = performance.now()
  const startedAt = new Date().toISOString()
  const elapsed = () => performance.now() - t0
  const samples = new LoadSamples()
  const marks: PhaseMark[] = [{ phase: 'baseline', atMs: 0 }]
  let stoppedBy: LoadReport['stoppedBy'] | undefined
  let endMs = 0
  let tickCursor = 0

  const report = (): LoadReport => {
    const total = figuresFor(samples, Array.from({ length: samples.length }, (_, row) => row), endMs)
    return {
      url: resolved.target, startedAt, durationMs: Math.round(endMs), stoppedBy: stoppedBy ?? 'max-duration', total,
      phases: summarizePhases(samples, marks, endMs), timeline: buildTimeline(samples, marks, endMs),
      marks: marks.map((mark) => ({ phase: mark.phase, atMs: Math.round(mark.atMs) })),
    }
  }

  let instance: autocannon.Instance | undefined
  const durationTimer = setTimeout(() => stopWith('max-duration'), resolved.maxDurationMs)
  const onAbort = () => stopWith('signal')
  const finished = new Promise<LoadReport>((resolve, reject) => {
    instance = autocannon(
      autocannonOptions(resolved),
      (error: unknown) => {
        clearTimeout(durationTimer)
        resolved.signal?.removeEventListener('abort', onAbort)
        if (stoppedBy === undefined) {
          stoppedBy = 'max-duration'
          endMs = elapsed()
        }
        if (error) reject(new ChaosError(`load on ${resolved.target} could not run: ${(error as Error).message}`, { cause: error }))
        else resolve(report())
      },
    )
  })
  finished.catch(() => {})

  const stopWith = (reason: NonNullable<LoadReport['stoppedBy']>) => {
    if (stoppedBy !== undefined) return
    stoppedBy = reason
    endMs = elapsed()
    instance?.stop()
  }
  const record = (latencyMs: number, outcome: number, status = 0) => {
    if (stoppedBy !== undefined) return
    const now = elapsed()
    samples.add(Math.max(0, now - latencyMs), latencyMs, outcome, status)
    if (samples.length >= resolved.maxRequests) stopWith('max-requests')
  }
  instance!.on('response', (_client, statusCode, _bytes, responseTime) =>
    record(responseTime, statusCode >= 200 && statusCode < 300 ? OUTCOME_OK : OUTCOME_NON2XX, statusCode))
  instance!.on('reqError', (error: Error) =>
    error.message === 'request timed out' ? record(resolved.timeoutMs, OUTCOME_TIMEOUT) : record(0, OUTCOME_ERROR))
  instance!.on('tick', () => {
    if (!resolved.onTick || stoppedBy !== undefined) return
    resolved.onTick(summarizeSince(samples, tickCursor, Math.max(0, Math.floor(elapsed() / 1000) - 1), marks.at(-1)!.phase))
    tickCursor = samples.length
  })
  if (resolved.signal?.aborted) onAbort()
  else resolved.signal?.addEventListener('abort', onAbort, { once: true })

  return {
    mark(phase: LoadPhase) {
      if (stoppedBy === undefined && marks.at(-1)!.phase !== phase) marks.push({ phase, atMs: elapsed() })
    },
    get phase() {
      return marks.at(-1)!.phase
    },
    get sent() {
      return samples.length
    },
    stop() {
      stopWith('stop')
      return finished
    },
    finished,
  }
}
