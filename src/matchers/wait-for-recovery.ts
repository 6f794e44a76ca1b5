import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { SteadyStateHypothesis } from '../experiment/types.js'
import { defineExperiment } from '../authoring/define-experiment.js'
import type { SteadyStateDefinition } from '../authoring/steady-state.js'
import { probedCollections } from '../drivers/kubernetes/probed-collections.js'
import { runExperiment } from '../run/run-experiment.js'

export interface RecoveryOptions {
  withinMs: number
  /** Longest wait between two checks when the cluster reports no change. */
  intervalMs: number
  catalog?: ActivityCatalog
  signal?: AbortSignal
}

/** Waits `ms`, or less when `wake` is called or the signal aborts. */
const pause = (ms: number, signal: AbortSignal | undefined, onWake: (wake: () => void) => void): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      onWake(() => undefined)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
    onWake(done)
  })

/** Watches what the probes read (pods, deployments, endpoints, nodes, VirtualServices); client-node loads only then. */
const watchProbedObjects = async (hypothesis: SteadyStateHypothesis, onChange: () => void): Promise<() => void> => {
  const paths = probedCollections(hypothesis.probes ?? [])
  if (paths.length === 0) return () => undefined
  const { watchCollections } = await import('../drivers/kubernetes/watch-collections.js')
  return watchCollections(paths, onChange)
}

/**
 * Checks the hypothesis until it holds: again as soon as a watched object the probes read changes, and at least every
 * `intervalMs`. Seconds it took, or null when not within `withinMs`.
 */
export const waitForRecovery = async (hypothesis: SteadyStateHypothesis, options: RecoveryOptions): Promise<number | null> => {
  const started = performance.now()
  const probesOnly = defineExperiment({ title: `recovery of ${hypothesis.title}`, steadyState: hypothesis as SteadyStateDefinition })
  let changes = 0
  let wake: () => void = () => undefined
  const stopWatching = await watchProbedObjects(hypothesis, () => {
    changes += 1
    wake()
  })
  try {
    while (!options.signal?.aborted) {
      const changesBefore = changes
      const journal = await runExperiment(probesOnly, {
        mode: 'strict',
        catalog: options.catalog,
        hypothesisStrategy: 'before-method-only',
        signal: options.signal,
      })
      const elapsed = performance.now() - started
      if (journal.steady_states.before?.steady_state_met === true) return elapsed / 1000
      if (elapsed >= options.withinMs) return null
      if (changes === changesBefore) await pause(Math.min(options.intervalMs, options.withinMs - elapsed), options.signal, (next) => (wake = next))
    }
    return null
  } finally {
    stopWatching()
  }
}
