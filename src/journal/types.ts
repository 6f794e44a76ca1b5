// Chaos Toolkit's journal.json shape, kept verbatim so tools that read its journals read ours.
import type { Activity, Experiment } from '../experiment/types.js'

export type RunStatus = 'succeeded' | 'failed'
export type JournalStatus = 'completed' | 'failed' | 'aborted' | 'interrupted'

/** One executed activity. */
export interface Run {
  activity: Activity
  output: unknown
  /** Absent when the activity was cut short by an interrupt or abort. */
  status?: RunStatus
  start: string
  end?: string
  /** Seconds, excluding pauses. */
  duration?: number
  /** Formatted error lines, only on failure. */
  exception?: string[]
  /** Hypothesis probes only. */
  tolerance_met?: boolean
}

export interface SteadyState {
  steady_state_met: boolean | null
  probes: Run[]
}

export interface Journal {
  'chaoslib-version': string
  platform: string
  node: string
  experiment: Experiment
  start: string
  end: string
  /** Seconds, whole run including rollbacks. */
  duration: number
  status: JournalStatus
  deviated: boolean
  steady_states: { before: SteadyState | null; after: SteadyState | null; during: SteadyState[] }
  run: Run[]
  rollbacks: Run[]
  /** vitest-chaos extensions, kept under one key so Chaos Toolkit readers ignore them. */
  'vitest-chaos'?: JournalExtensions
}

export interface JournalExtensions {
  mode: 'compatible' | 'strict'
  /** Why the run ended as it did, in one sentence, when it did not simply complete. */
  reason?: string
  /** Free-form per-run data added by surfaces (load timelines, recovery times). */
  [key: string]: unknown
}
