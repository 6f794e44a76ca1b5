import { defineExperiment, type ExperimentDefinition } from '../authoring/define-experiment.js'
import type { FaultDefinition } from '../authoring/fault.js'
import type { StartedCluster } from '../clusters/started-cluster.js'
import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { Experiment } from '../experiment/types.js'
import type { Journal } from '../journal/types.js'
import { runExperiment } from '../run/run-experiment.js'
import type { RunOptions } from '../run/run-options.js'
import type { ChaosRunRecord } from './chaos-run-record.js'
import { loadRunnableExperiment } from './load-runnable-experiment.js'
import { catalogFor } from './catalog-for.js'
import { recordRun } from './record-run.js'
import { linkSignal } from './linked-signal.js'
import { playInjectRollbacks, type InjectedFault } from './play-inject-rollbacks.js'
import { rollBackOnExitSignals } from './roll-back-on-exit-signals.js'
import { runInScope, type RunScope } from './run-scope.js'

/** What a chaos test receives as `chaos`: runs that are recorded on the test and rolled back after it. */
export interface ChaosContext {
  /** The cluster the test runs against (its kubeconfig is in `process.env.KUBECONFIG`). */
  cluster: StartedCluster | undefined
  /** Aborted when the test times out; pass it to your own long waits. */
  signal: AbortSignal
  /** Runs an experiment in strict mode (rollbacks always run) and records its journal on the test. */
  run(experiment: Experiment | ExperimentDefinition, options?: RunOptions): Promise<Journal>
  /** Loads, validates and runs a Chaos Toolkit file (JSON or YAML) like `run`. */
  runFile(path: string, options?: RunOptions): Promise<Journal>
  /** Applies a fault's actions now; its rollbacks run when the test ends, however it ends. */
  inject(fault: FaultDefinition): Promise<Journal>
  /** Runs the rollbacks registered by `inject` now (latest first) instead of at the end of the test. */
  rollback(): Promise<void>
}

export interface OpenChaosContextOptions {
  signal: AbortSignal
  cluster?: StartedCluster
  testPath?: string
  testName?: string
  journalDir?: string
  catalog?: ActivityCatalog
  record: (run: ChaosRunRecord) => void
  annotate?: (message: string, type: string) => Promise<unknown>
}

const isExperiment = (value: Experiment | ExperimentDefinition): value is Experiment => 'method' in value

/**
 * Opens the chaos context of one test; `close()` waits for its runs and plays the pending rollbacks. The caller runs the
 * test inside `scope` (`runInScope` or `enterRunScope`) so the matchers record on this test.
 */
export const openChaosContext = (options: OpenChaosContextOptions): { context: ChaosContext; scope: RunScope; close: () => Promise<void> } => {
  const { catalog } = options
  const { signal, abort, release } = linkSignal(options.signal)
  const pending = new Set<Promise<unknown>>()
  const rollbacks: InjectedFault[] = []
  const scope: RunScope = {
    signal,
    catalog,
    journalDir: options.journalDir,
    testPath: options.testPath,
    testName: options.testName,
    record: options.record,
    annotate: options.annotate,
    track: (promise) => {
      pending.add(promise)
      void promise.catch(() => undefined).finally(() => pending.delete(promise))
    },
  }
  const where = { testPath: options.testPath, currentTestName: options.testName }
  // in this test's scope whatever chain calls them (close() runs in the framework's cleanup)
  const runRecorded = (experiment: Experiment, runOptions: RunOptions = {}): Promise<Journal> => {
    const run = runInScope(scope, async () => {
      const journal = await runExperiment(experiment, { mode: 'strict', signal, ...runOptions, catalog: await catalogFor(experiment, runOptions.catalog ?? catalog) })
      await recordRun(where, journal)
      return journal
    })
    scope.track?.(run)
    return run
  }
  const playRollbacks = (): Promise<void> => runInScope(scope, () => playInjectRollbacks(rollbacks, where, catalog))
  const context: ChaosContext = {
    cluster: options.cluster,
    signal,
    run: (experiment, runOptions) => runRecorded(isExperiment(experiment) ? experiment : defineExperiment(experiment), runOptions),
    runFile: async (path, runOptions) => runRecorded(await loadRunnableExperiment(path, catalog), runOptions),
    inject: async (fault) => {
      // registered before the actions run, so a timeout in the middle of them still rolls back
      const entry: InjectedFault = { fault }
      rollbacks.push(entry)
      entry.journal = await runRecorded(defineExperiment({ title: fault.title, fault: { ...fault, rollbacks: [] } }), { hypothesisStrategy: 'skip' })
      return entry.journal
    },
    rollback: playRollbacks,
  }
  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      try {
        await Promise.allSettled([...pending])
        await playRollbacks()
      } finally {
        releaseSignals()
        release()
      }
    })())
  const releaseSignals = rollBackOnExitSignals({ abort, close })
  return { context, scope, close }
}
