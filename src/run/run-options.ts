import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { Activity, DryMode, HypothesisStrategy, JsonValue, RollbackStrategy } from '../experiment/types.js'
import type { Journal, Run, SteadyState } from '../journal/types.js'

/** `compatible`: Chaos Toolkit's decisions (CLI default). `strict`: failures fail, rollbacks always run (test API default). */
export type RunMode = 'compatible' | 'strict'

export type Phase = 'hypothesis-before' | 'method' | 'hypothesis-during' | 'hypothesis-after' | 'rollbacks'

/** Optional hooks, called in run order; a hook that throws is reported and ignored. */
export interface RunListener {
  onRunStart?(experiment: Journal['experiment']): void | Promise<void>
  onPhaseStart?(phase: Phase): void | Promise<void>
  onPhaseEnd?(phase: Phase): void | Promise<void>
  onActivityStart?(activity: Activity, phase: Phase): void | Promise<void>
  onActivityEnd?(run: Run, phase: Phase): void | Promise<void>
  onHypothesisEnd?(state: SteadyState, phase: Phase): void | Promise<void>
  onLog?(level: 'debug' | 'info' | 'warning' | 'error' | 'critical', message: string): void
  onRunEnd?(journal: Journal): void | Promise<void>
}

export interface RunOptions {
  /** Default `compatible`. */
  mode?: RunMode
  /** Functions reachable through `{ type: python }` providers, merged over the built-in ones. */
  catalog?: ActivityCatalog
  /** `--var` overrides: configuration key → value (may be a full `{ type: env }` definition). */
  configurationVars?: Record<string, JsonValue>
  /** `--var-file` secret overrides: scope → replacement scope. */
  secretVars?: Record<string, Record<string, JsonValue>>
  rollbackStrategy?: RollbackStrategy
  hypothesisStrategy?: HypothesisStrategy
  /** Seconds between continuous hypothesis iterations; default 1. */
  hypothesisFrequency?: number
  failFast?: boolean
  dry?: DryMode
  /** Graceful interrupt: the run ends `interrupted` and the rollback strategy decides what follows. */
  signal?: AbortSignal
  /**
   * Ungraceful stop (Chaos Toolkit's SIGUSR2): the run ends `interrupted` at once, rollbacks are skipped
   * and background activities are not awaited. A `signal` aborted with `new InterruptedError(msg, false)` does the same.
   */
  stopSignal?: AbortSignal
  listener?: RunListener
  /** Environment for `{ type: env }` lookups and process activities; default `process.env`. */
  env?: NodeJS.ProcessEnv
}
