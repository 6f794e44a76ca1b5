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

// A change seen while a check runs starts a second one at once instead of waiting for the first, whose answer may
// already be stale: recovery is then reported about one check after the hypothesis holds.
const MAX_CHECKS_AT_ONCE = 2

/** Watches what the probes read (pods, deployments, endpoints, nodes, VirtualServices); client-node loads only then. */
const watchProbedObjects = async (hypothesis: SteadyStateHypothesis, onChange: () => void, timeoutMs: number): Promise<() => void> => {
  const paths = probedCollections(hypothesis.probes ?? [])
  if (paths.length === 0) return () => undefined
  const { watchCollections } = await import('../drivers/shared/watch-collections.js')
  return watchCollections(paths, onChange, timeoutMs)
}

/**
 * Checks the hypothesis until it holds: again as soon as a watched object the probes read changes, and at least every
 * `intervalMs`. Seconds it took, or null when not within `withinMs` (or when the signal aborts).
 */
export const waitForRecovery = async (hypothesis: SteadyStateHypothesis, options: RecoveryOptions): Promise<number | null> => {
  const started = performance.now()
  const probesOnly = defineExperiment({ title: `recovery of ${hypothesis.title}`, steadyState: hypothesis as SteadyStateDefinition })
  const holds = async () => {
    const journal = await runExperiment(probesOnly, { mode: 'strict', catalog: options.catalog, hypothesisStrategy: 'before-method-only', signal: options.signal })
    return journal.steady_states.before?.steady_state_met === true
  }
  let trigger: () => void = () => undefined
  const stopWatching = await watchProbedObjects(hypothesis, () => trigger(), options.withinMs)
  let timer: NodeJS.Timeout | undefined
  try {
    return await new Promise<number | null>((resolve) => {
      let running = 0
      let pending = false
      let finished = false
      const finish = (result: number | null) => {
        finished = true
        options.signal?.removeEventListener('abort', onAbort)
        resolve(result)
      }
      const onAbort = () => finish(null)
      const check = () => {
        if (finished) return
        if (running >= MAX_CHECKS_AT_ONCE) {
          pending = true
          return
        }
        running += 1
        clearTimeout(timer)
        holds().then(
          (met) => settle(met),
          () => settle(false),
        )
      }
      const settle = (met: boolean) => {
        running -= 1
        if (finished) return
        const elapsed = performance.now() - started
        if (met) return finish(elapsed / 1000)
        if (elapsed >= options.withinMs) return running === 0 ? finish(null) : undefined
        if (pending) {
          pending = false
          return check()
        }
        if (running === 0) timer = setTimeout(check, Math.min(options.intervalMs, options.withinMs - elapsed))
      }
      if (options.signal?.aborted) return finish(null)
      options.signal?.addEventListener('abort', onAbort, { once: true })
      trigger = check
      check()
    })
  } finally {
    clearTimeout(timer)
    stopWatching()
  }
}
