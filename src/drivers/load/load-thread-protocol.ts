import type { SampleRows } from './load-samples.js'
import type { LoadReport } from './load-types.js'

/** What the load's thread needs: the resolved options without functions or signals. */
export interface LoadThreadOptions {
  target: string
  connections: number
  method: string
  headers: Record<string, string>
  body?: string
  overallRate?: number
  timeoutMs: number
  maxDurationMs: number
  maxRequests: number
}

/** `drain`: send nothing more and let the requests in flight end; `cut`: close the connections now. */
export type LoadEnding = 'drain' | 'cut'

export type ToLoadThread = { type: 'stop'; reason: 'stop' | 'signal' }

/** Times are `monotonicMs()`; rows come in order, about every 100 ms, all before `done`. */
export type FromLoadThread =
  | { type: 'started'; at: number }
  | { type: 'rows'; rows: SampleRows }
  | { type: 'tick' }
  | { type: 'done'; stoppedBy: LoadReport['stoppedBy']; endAt: number; error?: string }
