import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { Activity, DryMode, Experiment, HypothesisStrategy, RollbackStrategy } from '../experiment/types.js'
import type { OpenJournal } from '../journal/initialize-journal.js'
import type { ProviderContext } from '../providers/provider.js'
import type { Interrupts } from './interrupts.js'
import type { RunListener, RunMode } from './run-options.js'

export type LogLevel = 'debug' | 'info' | 'warning' | 'error' | 'critical'

/** Everything the phases share, instead of chaoslib's eight threaded arguments. */
export interface RunContext {
  experiment: Experiment
  journal: OpenJournal
  /** Epoch ms (sub-ms precision) when the run started. */
  startedMs: number
  mode: RunMode
  dry?: DryMode
  hypothesisStrategy: HypothesisStrategy
  rollbackStrategy: RollbackStrategy
  /** Seconds between continuous hypothesis iterations. */
  hypothesisFrequency: number
  failFast: boolean
  interrupts: Interrupts
  /** Provider context without its signal; each phase passes the signal that applies to it. */
  providers: Omit<ProviderContext, 'signal'>
  catalog: ActivityCatalog
  /** Configuration then secrets, for tolerance substitution. */
  lookup: Record<string, unknown>
  /** Method activities and hypothesis probes by name (the probe wins a clash), for `ref` entries. */
  activities: Map<string, Activity>
  /** Listener hooks, already guarded: a hook that throws is logged and ignored. */
  listener: Required<Omit<RunListener, 'onLog'>>
  log: (level: LogLevel, message: string) => void
  /** Records why the run ends as it does (first reason wins, unless forced). */
  explain: (reason: string, force?: boolean) => void
}
