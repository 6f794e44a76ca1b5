// Level-triggered control loop: any watched change schedules one full reconcile on the next turn.
import type { ResourceKey } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { StoreError } from '../store/store-error.js'

export interface ReconcileLoop {
  /** Schedules a reconcile soon (coalesced), e.g. from a timer. */
  trigger(delayMs?: number): void
  stop(): void
}

export interface ReconcileLoopOptions {
  name: string
  store: Store
  /** Resources whose changes trigger a reconcile. */
  watch: ResourceKey[]
  reconcile: (loop: ReconcileLoop) => void
  /** Also reconcile on this period, for time-based rules (deadlines, expiries). */
  resyncMs?: number
}

const RETRY_MS = 20

/** Races with API writes (Conflict, NotFound, AlreadyExists) are retried; anything else is reported once per loop. */
export const startReconcileLoop = ({ name, store, watch, reconcile, resyncMs }: ReconcileLoopOptions): ReconcileLoop => {
  let immediate: NodeJS.Immediate | undefined
  const timers = new Set<NodeJS.Timeout>()
  let stopped = false
  let reported = false

  const run = () => {
    immediate = undefined
    if (stopped) return
    try {
      reconcile(loop)
    } catch (error) {
      if (error instanceof StoreError && error.reason !== 'Invalid') return loop.trigger(RETRY_MS)
      if (!reported) console.error(`[emulator] ${name} controller failed; it retries on the next change:`, error)
      reported = true
    }
  }

  const loop: ReconcileLoop = {
    trigger(delayMs = 0) {
      if (stopped) return
      if (delayMs <= 0) {
        immediate ??= setImmediate(run)
        return
      }
      const timer = setTimeout(() => {
        timers.delete(timer)
        loop.trigger()
      }, delayMs)
      timers.add(timer)
    },
    stop() {
      stopped = true
      if (immediate) clearImmediate(immediate)
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const unwatch of unwatches) unwatch()
      if (resync) clearInterval(resync)
    },
  }
  const unwatches = watch.map((key) => store.watch(key, {}, () => loop.trigger()))
  const resync = resyncMs ? setInterval(() => loop.trigger(), resyncMs) : undefined
  loop.trigger()
  return loop
}
