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
  /** How long the hypothesis must go on holding before it counts as recovered (reported from when it first held). */
  settleMs?: number
  catalog?: ActivityCatalog
  signal?: AbortSignal
}

// A change seen while a check runs starts a second one at once instead of waiting for the first, whose answer may
// already be stale: recovery is then reported about one check after the hypothesis holds.
const MAX_CHECKS_AT_ONCE = 2
// Right after a fault the probes may still read the state from before it (a Deployment's status lags the pod kill by
// up to a second on a busy cluster): a hypothesis that holds on that stale state holds once, then fails. Recovery
// counts only when a check started this long after the first success still holds.
export const DEFAULT_SETTLE_MS = 1_000

interface FirstHeld {
  startedAt: number
  finishedAt: number
}

/** Watches what the probes read (pods, deployments, endpoints, nodes, VirtualServices); client-node loads only then. */
const watchProbedObjects = async (hypothesis: SteadyStateHypothesis, onChange: () => void, timeoutMs: number): Promise<() => void> => {
  const paths = probedCollections(hypothesis.probes ?? [])
  if (paths.length === 0) return () => undefined
  const { watchCollections } = await import('../drivers/shared/watch-collections.js')
  return watchCollections(paths, onChange, timeoutMs)
}

const checkHypothesis = (hypothesis: SteadyStateHypothesis, options: RecoveryOptions) => {
  const probesOnly = defineExperiment({ title: `recovery of ${hypothesis.title}`, steadyState: hypothesis as SteadyStateDefinition })
  return async () => {
    const journal = await runExperiment(probesOnly, { mode: 'strict', catalog: options.catalog, hypothesisStrategy: 'before-method-only', signal: options.signal })
    return journal.steady_states.before?.steady_state_met === true
  }
}

/**
 * Checks the hypothesis until it holds and goes on holding for `settleMs`: again as soon as a watched object the
 * probes read changes, and at least every `intervalMs`. Seconds until it first held for good, or null when not within
 * `withinMs` (or when the signal aborts).
 */
export const waitForRecovery = async (hypothesis: SteadyStateHypothesis, options: RecoveryOptions): Promise<number | null> => {
  const started = performance.now()
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS
  const holds = checkHypothesis(hypothesis, options)
  let trigger: () => void = () => undefined
  const stopWatching = await watchProbedObjects(hypothesis, () => trigger(), options.withinMs + settleMs)
  let timer: NodeJS.Timeout | undefined
  try {
    return await new Promise<number | null>((resolve) => {
      let running = 0
      let pending = false
      let finished = false
      let firstHeld: FirstHeld | undefined
      const elapsed = () => performance.now() - started
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
        const startedAt = elapsed()
        holds().then(
          (met) => settle(met, startedAt),
          () => settle(false, startedAt),
        )
      }
      const settle = (met: boolean, startedAt: number) => {
        running -= 1
        if (finished) return
        firstHeld = nextFirstHeld(firstHeld, met, startedAt, elapsed())
        if (firstHeld && startedAt >= firstHeld.startedAt + settleMs) return finish(firstHeld.finishedAt / 1000)
        const now = elapsed()
        if ((firstHeld?.finishedAt ?? now) >= options.withinMs) return running === 0 ? finish(null) : undefined
        if (pending) {
          pending = false
          return check()
        }
        const untilConfirmed = firstHeld ? Math.max(0, firstHeld.startedAt + settleMs - now) : options.withinMs - now
        if (running === 0) timer = setTimeout(check, Math.min(options.intervalMs, untilConfirmed))
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

// a failure seen by a check that started after the first success means the system has not recovered after all; an
// older check's answer says nothing new
const nextFirstHeld = (firstHeld: FirstHeld | undefined, met: boolean, startedAt: number, finishedAt: number): FirstHeld | undefined => {
  if (met) return firstHeld ?? { startedAt, finishedAt }
  return firstHeld && startedAt >= firstHeld.startedAt ? undefined : firstHeld
}
