import { Watch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node'
import { performance } from 'node:perf_hooks'
import { listCollection } from './list-collection.js'
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

/**
 * Fills the cursor from one LIST and asks `isDone` once per listed object, each time with the whole collection;
 * undefined when the wait goes on (then watch from the list's resourceVersion).
 */
const startFromList = async <T extends KubernetesObject>(kc: KubeConfig, options: WatchUntilOptions<T>, cursor: WatchCursor<T>, deadline: number): Promise<WatchAttempt | undefined> => {
  const timeout = AbortSignal.timeout(Math.max(1, Math.ceil(deadline - performance.now())))
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  let listed
  try {
    listed = await listCollection<T>(kc, options.path, options.query ?? {}, signal)
  } catch (error) {
    if (options.signal?.aborted) return { kind: 'stopped', outcome: 'aborted' }
    if (timeout.aborted) return { kind: 'stopped', outcome: 'timed-out' }
    return { kind: 'failed', problem: problemOfError(error), events: 0 }
  }
  cursor.failures = 0
  cursor.objects = new Map(listed.items.map((object) => [keyOf(object), object]))
  cursor.resourceVersion = listed.resourceVersion
  const objects = [...cursor.objects.values()]
  return listed.items.some((object) => options.isDone(objects, { type: 'ADDED', object })) ? { kind: 'done' } : undefined
}

/**
 * One LIST when there is no resourceVersion to go on from, then one watch request, until it ends, fails, the
 * condition holds, or the wait is over (`deadline` in `performance.now()`).
 */
export const attemptWatch = async <T extends KubernetesObject>(kc: KubeConfig, options: WatchUntilOptions<T>, cursor: WatchCursor<T>, deadline: number): Promise<WatchAttempt> =>
  (cursor.resourceVersion === undefined ? await startFromList(kc, options, cursor, deadline) : undefined) ?? watchFrom(kc, options, cursor, deadline)

const watchFrom = <T extends KubernetesObject>(kc: KubeConfig, options: WatchUntilOptions<T>, cursor: WatchCursor<T>, deadline: number): Promise<WatchAttempt> =>
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
