/** The part of an experiment a request belongs to, decided by the last `mark()` before it was sent. */
export type LoadPhase = 'baseline' | 'fault' | 'recovery'

export interface LoadOptions {
  /** Base URL, e.g. the product page's `http://127.0.0.1:8080`; only its origin and path are used. */
  url: string
  /** Path appended to `url`, e.g. `/productpage`; default the path of `url`. */
  path?: string
  /** Concurrent connections; default 10 (capped at `overallRate` when that is lower). */
  connections?: number
  /** Fixed total request rate per second (open loop, honest latency under faults); default: as fast as possible. */
  overallRate?: number
  /** The load is cut after this long (requests in flight count as `cut`); default 5 minutes. */
  maxDurationMs?: number
  /** No more than this many requests are sent; the load ends once they have; default 1,000,000. */
  maxRequests?: number
  /** A request unanswered after this long counts as a timeout; default 10 s. */
  timeoutMs?: number
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  headers?: Record<string, string>
  body?: string
  /** Cuts the load (requests in flight count as `cut`); `stop()` still returns the report. */
  signal?: AbortSignal
  /** Called about once a second with the second that just ended. */
  onTick?: (second: TimelineSecond) => void
}

export interface LatencyFigures {
  /** Milliseconds, from each response's own timing (sub-millisecond resolution). */
  p50: number
  p90: number
  p99: number
  max: number
}

/** What happened during one phase (or the whole load). Latency covers answered requests only. */
export interface PhaseFigures {
  /** Time spent in this phase, in ms. */
  durationMs: number
  /** Requests sent, each counted once: answered (`responses`) + `timeouts` + `errors` + `cut`. */
  sent: number
  /** Answered requests of any status. */
  responses: number
  /** 2xx answers. */
  ok: number
  non2xx: number
  timeouts: number
  /** Connection errors (refused, reset, closed before the answer), timeouts excluded. */
  errors: number
  /** Sent but still unanswered when the load was cut short (abort signal or `maxDurationMs`); neither good nor bad. */
  cut: number
  /** (errors + timeouts + non2xx) / (sent - cut); 0 when no request ended. */
  errorRate: number
  /** Answered requests per second. */
  throughput: number
  latencyMs: LatencyFigures
  /** Answers by HTTP status code. */
  statusCodes: Record<string, number>
}

export interface TimelineSecond {
  /** Seconds since the load started (0-based). */
  second: number
  phase: LoadPhase
  /** Answered requests that started in this second. */
  requests: number
  errors: number
  timeouts: number
  non2xx: number
  cut: number
  p50: number
  p99: number
}

export interface LoadReport {
  url: string
  startedAt: string
  durationMs: number
  /** Why the load ended. */
  stoppedBy: 'stop' | 'max-duration' | 'max-requests' | 'signal'
  total: PhaseFigures
  /** Only the phases that were marked (baseline always). */
  phases: Partial<Record<LoadPhase, PhaseFigures>>
  timeline: TimelineSecond[]
  marks: { phase: LoadPhase; atMs: number }[]
}

/** A load in progress. */
export interface RunningLoad {
  /** Requests sent from now on count toward `phase`. */
  mark(phase: LoadPhase): void
  readonly phase: LoadPhase
  /** Requests ended so far (answered, failed or timed out), for waiting on progress; updated about every 100 ms. */
  readonly sent: number
  /** Resolves once the load's thread sends its first requests (phases are timed from then). */
  readonly started: Promise<void>
  /**
   * Ends the load (idempotent) and resolves with the figures: no new request is sent and the ones in flight end
   * (answered, failed or timed out, so at most `timeoutMs` later). Also resolves after a cap or the signal ended it.
   */
  stop(): Promise<LoadReport>
  /** Resolves when the load ends for any reason. */
  readonly finished: Promise<LoadReport>
}
