import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { SteadyStateHypothesis } from '../experiment/types.js'
import { defineExperiment } from '../authoring/define-experiment.js'
import type { SteadyStateDefinition } from '../authoring/steady-state.js'
import { runExperiment } from '../run/run-experiment.js'

export interface RecoveryOptions {
  withinMs: number
  intervalMs: number
  catalog?: ActivityCatalog
  signal?: AbortSignal
}

const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })

/** Checks the hypothesis every `intervalMs` until it holds; seconds it took, or null when not within `withinMs`. */
export const waitForRecovery = async (hypothesis: SteadyStateHypothesis, options: RecoveryOptions): Promise<number | null> => {
  const started = performance.now()
  const probesOnly = defineExperiment({ title: `recovery of ${hypothesis.title}`, steadyState: hypothesis as SteadyStateDefinition })
  const maxChecks = Math.ceil(options.withinMs / Math.max(options.intervalMs, 50)) + 2
  for (let check = 0; check < maxChecks && !options.signal?.aborted; check++) {
    const journal = await runExperiment(probesOnly, {
      mode: 'strict',
      catalog: options.catalog,
      hypothesisStrategy: 'before-method-only',
      signal: options.signal,
    })
    const elapsed = performance.now() - started
    if (journal.steady_states.before?.steady_state_met === true) return elapsed / 1000
    if (elapsed >= options.withinMs) return null
    await pause(Math.min(options.intervalMs, options.withinMs - elapsed), options.signal)
  }
  return null
}
