// The load's own thread: autocannon and the per-request counting run here, off the test's event loop.
import autocannon from 'autocannon'
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { ClientRequests } from './count-client-requests.js'
import { LoadSamples } from './load-samples.js'
import type { FromLoadThread, LoadEnding, LoadThreadOptions, ToLoadThread } from './load-thread-protocol.js'
import type { LoadReport } from './load-types.js'
import { monotonicMs } from './monotonic-ms.js'

const FLUSH_INTERVAL_MS = 100

const runLoadThread = (options: LoadThreadOptions, port: MessagePort): void => {
  const post = (message: FromLoadThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)
  const samples = new LoadSamples()
  let flushed = 0
  const flush = () => {
    if (samples.length === flushed) return
    const rows = samples.rowsFrom(flushed)
    flushed = samples.length
    post({ type: 'rows', rows }, [rows.startMs.buffer, rows.latencyMs.buffer, rows.outcome.buffer, rows.status.buffer] as ArrayBuffer[])
  }
  let stoppedBy: LoadReport['stoppedBy'] | undefined
  let endAt: number | undefined
  const requests = new ClientRequests(
    samples,
    (sent) => sent >= options.maxRequests && end('max-requests', 'drain'),
    () => {
      endAt ??= monotonicMs()
      instance.stop()
    },
  )
  const end = (reason: LoadReport['stoppedBy'], how: LoadEnding) => {
    stoppedBy ??= reason
    if (how === 'cut') endAt ??= monotonicMs()
    requests.end(how)
  }
  const flushTimer = setInterval(flush, FLUSH_INTERVAL_MS)
  const durationTimer = setTimeout(() => end('max-duration', 'cut'), options.maxDurationMs)
  port.on('message', (message: ToLoadThread) => end(message.reason, message.reason === 'signal' ? 'cut' : 'drain'))
  post({ type: 'started', at: monotonicMs() })
  const instance: autocannon.Instance = autocannon(
    {
      url: options.target, connections: options.connections, method: options.method as autocannon.Request['method'], headers: options.headers,
      ...(options.body === undefined ? {} : { body: options.body }),
      ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
      // autocannon's own timer is only a backstop for ours, which also leaves room for the requests in flight to end
      duration: (options.maxDurationMs + options.timeoutMs) / 1000 + 1, timeout: options.timeoutMs / 1000, sampleInt: FLUSH_INTERVAL_MS,
      setupClient: requests.track,
    },
    (error: unknown) => {
      clearInterval(flushTimer)
      clearTimeout(durationTimer)
      flush()
      post({ type: 'done', stoppedBy: stoppedBy ?? 'max-duration', endAt: endAt ?? monotonicMs(), ...(error ? { error: (error as Error).message } : {}) })
      port.close()
    },
  )
  instance.on('tick', () => {
    flush()
    post({ type: 'tick' })
  })
}

runLoadThread(workerData as LoadThreadOptions, parentPort!)
