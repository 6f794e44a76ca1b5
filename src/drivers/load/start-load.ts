import { followLoadThread } from './follow-load-thread.js'
import { startLoadRecording } from './load-recording.js'
import type { LoadThreadOptions, ToLoadThread } from './load-thread-protocol.js'
import type { LoadOptions, LoadPhase, RunningLoad } from './load-types.js'
import { monotonicMs } from './monotonic-ms.js'
import { startLoadThread } from './start-load-thread.js'
import { resolveLoadOptions, type ResolvedLoadOptions } from './validate-load-options.js'
import { checkOptions } from '../../options/check-options.js'
import { loadOptionsSchema } from '../../options/load-options-schema.js'

const threadOptions = (resolved: ResolvedLoadOptions): LoadThreadOptions => ({
  target: resolved.target, connections: resolved.connections, method: resolved.method ?? 'GET', headers: resolved.headers ?? {},
  ...(resolved.body === undefined ? {} : { body: resolved.body }),
  ...(resolved.overallRate === undefined ? {} : { overallRate: resolved.overallRate }),
  timeoutMs: resolved.timeoutMs, maxDurationMs: resolved.maxDurationMs, maxRequests: resolved.maxRequests,
})

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
  const recording = startLoadRecording()
  const thread = startLoadThread(threadOptions(resolved))
  // a signal still cuts a load that is draining after stop()
  const send = (message: ToLoadThread) => {
    if (!recording.ended && (!recording.stopping || message.reason === 'signal')) thread.postMessage(message)
    recording.stopping = true
  }
  const onAbort = () => send({ type: 'stop', reason: 'signal' })
  const { started, finished } = followLoadThread(thread, recording, resolved, () => resolved.signal?.removeEventListener('abort', onAbort))
  finished.catch(() => {})
  if (resolved.signal?.aborted) onAbort()
  else resolved.signal?.addEventListener('abort', onAbort, { once: true })

  const { marks, samples } = recording
  return {
    mark(phase: LoadPhase) {
      if (!recording.stopping && marks.at(-1)!.phase !== phase) marks.push({ phase, at: monotonicMs() })
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
