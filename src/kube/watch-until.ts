import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node'
import { performance } from 'node:perf_hooks'
import { WatchFailedError } from './watch-failed-error.js'
import { attemptWatch, type WatchAttempt, type WatchCursor } from './attempt-watch.js'
import type { WatchProblem } from './watch-problem.js'

/** One event of a Kubernetes watch (ERROR events are handled here and never reach the caller). */
export interface WatchEvent<T extends KubernetesObject = KubernetesObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  object: T
}

export interface WatchUntilOptions<T extends KubernetesObject = KubernetesObject> {
  /** Collection path, e.g. `/api/v1/nodes` or `/apis/apps/v1/namespaces/bookinfo/deployments`. */
  path: string
  /** Selectors and the like, e.g. `{ fieldSelector: 'spec.nodeName=worker-1' }`. */
  query?: Record<string, string>
  /** Asked on every event with the objects as they now stand; `true` ends the wait. */
  isDone: (objects: T[], event: WatchEvent<T>) => boolean
  /** Asked at the start, after every reconnect and every `recheckMs` (for what a watch event cannot show, e.g. a 404). */
  recheck?: () => Promise<boolean>
  /** Default 2000 ms. */
  recheckMs?: number
  timeoutMs: number
  signal?: AbortSignal
  /** Failed attempts in a row (no event in between) before giving up with `WatchFailedError`; default 8. */
  maxFailures?: number
}

/** How a wait ended; a watch the server keeps failing throws `WatchFailedError` instead. */
export type WatchOutcome = 'done' | 'timed-out' | 'aborted'

const FIRST_BACKOFF_MS = 250
const MAX_BACKOFF_MS = 8000

/** Waits `ms`, cut short by the deadline (in `performance.now()`) or the signal. */
const pauseWithin = (ms: number, deadline: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, Math.max(0, Math.min(ms, deadline - performance.now())))
    signal?.addEventListener('abort', done, { once: true })
  })

/** The problem of an attempt that neither finished nor was stopped. */
const problemOf = (attempt: Extract<WatchAttempt, { kind: 'closed' | 'failed' }>): WatchProblem =>
  attempt.kind === 'failed' ? attempt.problem : { next: 'retry', description: 'the server closed the watch before any event' }

/** Throws when the problem ends the wait: a refusal, or too many failures in a row. */
const checkGivingUp = (path: string, problem: WatchProblem, failures: number, maxFailures: number): void => {
  if (problem.next === 'give-up') {
    throw new WatchFailedError(`the API server refused the watch on ${path}: ${problem.description}; check the path and the kubeconfig user's permissions`, problem.status)
  }
  if (failures > maxFailures) {
    throw new WatchFailedError(
      `the watch on ${path} failed ${failures} times in a row (last: ${problem.description}); is the API server healthy? Try kubectl get --raw '${path}'`,
      problem.status,
    )
  }
}

// 410 Gone only means "start over"; anything else waits as told, or backs off
const backoffMs = (problem: WatchProblem, failures: number): number =>
  problem.retryAfterMs ?? (problem.next === 'relist' && failures === 1 ? 0 : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1)))

/**
 * Watches a collection until `isDone` (or `recheck`) holds, the time is up or the signal aborts, surviving what a
 * real API server does to watches: it re-watches from the last resourceVersion when the stream ends, honours
 * `retryAfterSeconds` of an ERROR event (504 "Too large resource version" while its watch cache lags), starts over
 * from the current state on 410 Gone, backs off on 429 and 5xx, and gives up with a clear error after
 * `maxFailures` failed attempts in a row or at once on a refusal (403, 404, …).
 *
 * @example
 * const outcome = await watchUntil<V1Node>(kc, { path: '/api/v1/nodes', timeoutMs: 60_000, isDone: (nodes) => nodes.every(isNodeReady) })
 */
export const watchUntil = async <T extends KubernetesObject>(kc: KubeConfig, options: WatchUntilOptions<T>): Promise<WatchOutcome> => {
  const deadline = performance.now() + options.timeoutMs
  const maxFailures = options.maxFailures ?? 8
  const cursor: WatchCursor<T> = { objects: new Map(), resourceVersion: undefined, failures: 0 }
  // a timer can fire a hair before performance.now() reaches the deadline, so within 1 ms counts as reached
  const stopped = (): WatchOutcome | undefined => (options.signal?.aborted ? 'aborted' : performance.now() >= deadline - 1 ? 'timed-out' : undefined)
  for (;;) {
    const over = stopped()
    if (over) return over
    if (options.recheck && (await options.recheck())) return 'done'
    const result = await attemptWatch(kc, options, cursor, deadline)
    if (result.kind === 'done') return 'done'
    if (result.kind === 'stopped') return result.outcome
    // a stream that ends after events is the server's normal watch timeout: carry on from where it was
    if (result.kind === 'closed' && result.events > 0) continue
    const problem = problemOf(result)
    cursor.failures += 1
    checkGivingUp(options.path, problem, cursor.failures, maxFailures)
    if (problem.next === 'relist') cursor.resourceVersion = undefined
    await pauseWithin(backoffMs(problem, cursor.failures), deadline, options.signal)
  }
}
