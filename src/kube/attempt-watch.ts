import { Watch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node'
import { performance } from 'node:perf_hooks'
import { problemOfError, problemOfStatus, type WatchProblem, type WatchStatus } from './watch-problem.js'
import type { WatchEvent, WatchOutcome, WatchUntilOptions } from './watch-until.js'

/** How one watch request ended. */
export type WatchAttempt =
  | { kind: 'done' }
  | { kind: 'stopped'; outcome: WatchOutcome }
  | { kind: 'closed'; events: number }
  | { kind: 'failed'; problem: WatchProblem; events: number }

/** What a wait carries from one watch request to the next. */
export interface WatchCursor<T extends KubernetesObject> {
  objects: Map<string, T>
  resourceVersion: string | undefined
  /** Failed attempts in a row, with no event in between. */
  failures: number
}

const keyOf = (object: KubernetesObject): string => `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`

/** Folds a (non-ERROR) event into the cursor; returns it as a `WatchEvent` when it changed the objects. */
const applyWatchEvent = <T extends KubernetesObject>(cursor: WatchCursor<T>, type: string, object: T): WatchEvent<T> | undefined => {
  cursor.failures = 0
  cursor.resourceVersion = object.metadata?.resourceVersion ?? cursor.resourceVersion
  if (type === 'DELETED') cursor.objects.delete(keyOf(object))
  else if (type === 'ADDED' || type === 'MODIFIED') cursor.objects.set(keyOf(object), object)
  else return undefined
  return { type, object }
}

/** One watch request, until it ends, fails, the condition holds, or the wait is over (`deadline` in `performance.now()`). */
export const attemptWatch = <T extends KubernetesObject>(kc: KubeConfig, options: WatchUntilOptions<T>, cursor: WatchCursor<T>, deadline: number): Promise<WatchAttempt> =>
  new Promise<WatchAttempt>((resolve) => {
    let events = 0
    let controller: AbortController | undefined
    let ended = false
    const end = (result: WatchAttempt) => {
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
      ? setInterval(() => void options.recheck?.().then((done) => done && end({ kind: 'done' }), () => undefined), options.recheckMs ?? 2000)
      : undefined
    if (cursor.resourceVersion === undefined) cursor.objects.clear()
    const query = { ...options.query, allowWatchBookmarks: 'true', ...(cursor.resourceVersion === undefined ? {} : { resourceVersion: cursor.resourceVersion }) }
    const onEvent = (type: string, object: T) => {
      if (ended) return
      if (type === 'ERROR') return end({ kind: 'failed', problem: problemOfStatus(object as WatchStatus), events })
      events += 1
      const event = applyWatchEvent(cursor, type, object)
      if (event && options.isDone([...cursor.objects.values()], event)) end({ kind: 'done' })
    }
    new Watch(kc)
      .watch(options.path, query, onEvent, (error: unknown) => end(error ? { kind: 'failed', problem: problemOfError(error), events } : { kind: 'closed', events }))
      .then((opened) => {
        controller = opened
        if (ended) opened.abort()
      }, (error: unknown) => end({ kind: 'failed', problem: problemOfError(error), events }))
  })
