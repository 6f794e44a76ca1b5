import { parseDuration, type Duration } from '../authoring/duration.js'
import { startLoad } from '../drivers/load/start-load.js'
import type { LoadPhase, LoadReport } from './load-report.js'

/** Load driven through the system around a fault (HTTP GET with autocannon). */
export interface ChaosLoadOptions {
  /** Path on the product page (`PRODUCT_PAGE_SERVICE_BASE_URL`), e.g. `/productpage`. */
  path?: string
  /** Base URL instead of the product page's. */
  url?: string
  /** Concurrent connections; default 10. */
  connections?: number
  /** Fixed total rate in requests per second (recommended: keeps latency honest under a fault). */
  rate?: number
  /** Load before the fault is applied, the baseline phase; default '1s'. */
  baseline?: Duration
  /** Per-request timeout; default '2s'. */
  timeout?: Duration
  headers?: Record<string, string>
  /** Hard stop for the whole load; default '5m'. */
  maxDuration?: Duration
}

export interface PhaseLoad {
  mark(phase: LoadPhase): void
  stop(): Promise<LoadReport>
}

const waitFor = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })

/** Starts the load, lets the baseline phase run, then marks the fault phase. */
export const startPhaseLoad = async (options: ChaosLoadOptions, signal?: AbortSignal): Promise<PhaseLoad> => {
  const base = options.url ?? process.env.PRODUCT_PAGE_SERVICE_BASE_URL
  if (!base) {
    throw new Error('load: no target; set PRODUCT_PAGE_SERVICE_BASE_URL (chaosTest does) or give load.url')
  }
  const running = startLoad({
    url: base,
    ...(options.path !== undefined && { path: options.path }),
    connections: options.connections ?? 10,
    ...(options.rate !== undefined && { overallRate: options.rate }),
    timeoutMs: parseDuration(options.timeout ?? '2s'),
    maxDurationMs: parseDuration(options.maxDuration ?? '5m'),
    ...(options.headers && { headers: options.headers }),
    ...(signal && { signal }),
  })
  // the baseline is timed from the first requests, not from the thread's start-up
  await running.started
  await waitFor(parseDuration(options.baseline ?? '1s'), signal)
  running.mark('fault')
  return running
}
