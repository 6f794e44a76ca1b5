import { Watch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node'
import { performance } from 'node:perf_hooks'
import { WatchFailedError } from './watch-failed-error.js'
import { problemOfError, problemOfStatus, type WatchProblem, type WatchStatus } from './watch-problem.js'

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

type Attempt = { kind: 'done' } | { kind: 'stopped'; outcome: WatchOutcome } | { kind: 'closed'; events: number } | { kind: 'failed'; problem: WatchProblem; events: number }

const keyOf = (object: KubernetesObject): string => `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`

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
  const objects = new Map<string, T>()
  let resourceVersion: string | undefined
  let failures = 0
  // a timer can fire a hair before performance.now() reaches the deadline, so within 1 ms counts as reached
  const stopped = (): WatchOutcome | undefined => (options.signal?.aborted ? 'aborted' : performance.now() >= deadline - 1 ? 'timed-out' : undefined)

  /** Waits `ms`, cut short by the deadline or the signal. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, Math.max(0, Math.min(ms, deadline - performance.now())))
      options.signal?.addEventListener('abort', done, { once: true })
    })

  /** One watch request, until it ends, fails, the condition holds, or the wait is over. */
  const attempt = () =>
    new Promise<Attempt>((resolve) => {
      let events = 0
      let controller: AbortController | undefined
      let ended = false
      const end = (result: Attempt) => {
        if (ended) return
        ended = true
        clearTimeout(deadlineTimer)
        clearInterval(recheckTimer)
        options.signal?.removeEventListener('abort', onAbort)
        controller?.abort()
        resolve(result)
      }
      const onAbort = () => end({ kind: 'stopped', outcome: 'aborted' })
      options.signal?.addEventListener('abort', onAbort, { once: true })
      const deadlineTimer = setTimeout(() => end({ kind: 'stopped', outcome: 'timed-out' }), Math.max(0, deadline - performance.now()))
      const recheckTimer = options.recheck
        ? setInterval(() => void options.recheck!().then((done) => done && end({ kind: 'done' }), () => undefined), options.recheckMs ?? 2000)
        : undefined
      if (resourceVersion === undefined) objects.clear()
      const query = { ...options.query, allowWatchBookmarks: 'true', ...(resourceVersion === undefined ? {} : { resourceVersion }) }
      const onEvent = (type: string, object: T) => {
        if (ended) return
        if (type === 'ERROR') return end({ kind: 'failed', problem: problemOfStatus(object as WatchStatus), events })
        events += 1
        failures = 0
        resourceVersion = object.metadata?.resourceVersion ?? resourceVersion
        if (type === 'BOOKMARK') return
        if (type === 'DELETED') objects.delete(keyOf(object))
        else if (type === 'ADDED' || type === 'MODIFIED') objects.set(keyOf(object), object)
        else return
        if (options.isDone([...objects.values()], { type, object })) end({ kind: 'done' })
      }
      new Watch(kc)
        .watch(options.path, query, onEvent, (error: unknown) => end(error ? { kind: 'failed', problem: problemOfError(error), events } : { kind: 'closed', events }))
        .then((opened) => {
          controller = opened
          if (ended) opened.abort()
        }, (error: unknown) => end({ kind: 'failed', problem: problemOfError(error), events }))
    })

  for (;;) {
    const over = stopped()
    if (over) return over
    if (options.recheck && (await options.recheck())) return 'done'
    const result = await attempt()
    if (result.kind === 'done') return 'done'
    if (result.kind === 'stopped') return result.outcome
    // a stream that ends after events is the server's normal watch timeout: carry on from where it was
    if (result.kind === 'closed' && result.events > 0) continue
    const problem: WatchProblem = result.kind === 'failed' ? result.problem : { next: 'retry', description: 'the server closed the watch before any event' }
    if (problem.next === 'give-up') {
      throw new WatchFailedError(`the API server refused the watch on ${options.path}: ${problem.description}; check the path and the kubeconfig user's permissions`, problem.status)
    }
    failures += 1
    if (failures > maxFailures) {
      throw new WatchFailedError(
        `the watch on ${options.path} failed ${failures} times in a row (last: ${problem.description}); is the API server healthy? Try kubectl get --raw '${options.path}'`,
        problem.status,
      )
    }
    if (problem.next === 'relist') resourceVersion = undefined
    // 410 Gone only means "start over"; anything else waits as told, or backs off
    const backoff = problem.next === 'relist' && failures === 1 ? 0 : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1))
    await pause(problem.retryAfterMs ?? backoff)
  }
}
