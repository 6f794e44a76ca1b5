import { LoadSamples } from './load-samples.js'
import type { LoadPhase } from './load-types.js'
import { monotonicMs } from './monotonic-ms.js'

/** What a running load keeps: its samples, its phase marks, and where it stands. Times in `monotonicMs()`. */
export interface LoadRecording {
  samples: LoadSamples
  marks: { phase: LoadPhase; at: number }[]
  /** When the thread began sending; the report counts from here. */
  t0: number
  startedAt: string
  /** `stop()` was asked or the thread reported: no more marks, ticks or stop messages. */
  stopping: boolean
  /** The thread reported its end: nothing more is sent to it. */
  ended: boolean
  /** The first sample the next tick summarizes. */
  tickCursor: number
}

/** A recording that starts now, in the `baseline` phase. */
export const startLoadRecording = (): LoadRecording => {
  const t0 = monotonicMs()
  return { samples: new LoadSamples(), marks: [{ phase: 'baseline', at: t0 }], t0, startedAt: new Date().toISOString(), stopping: false, ended: false, tickCursor: 0 }
}
