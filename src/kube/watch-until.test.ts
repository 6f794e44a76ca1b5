// The watch helper against the emulated API server, whose watchFault hook answers chosen watches with the ERROR
// events a real kube-apiserver sends: each is recovered from, or ends in a clear error.
import { PatchStrategy, setHeaderOptions, type V1ConfigMap, type V1Pod } from '@kubernetes/client-node'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApiServer, type TestApiServer } from '../../fixtures/apiserver/start-test-api-server.js'
import type { StatusBody } from '../emulator/registry/status.js'
import { failure } from '../emulator/registry/status.js'
import { internalError, resourceVersionGone, tooLargeResourceVersion, tooManyRequests } from '../emulator/api-server/watch-error-statuses.js'
import { WatchFailedError } from './watch-failed-error.js'
import { watchUntil } from './watch-until.js'

const PODS = '/api/v1/namespaces/default/pods'

/** An API server whose watches take their fate from `faults` in turn (undefined: a normal watch); records each watch. */
const startFaultyServer = async (faults: (StatusBody | undefined)[] | ((index: number) => StatusBody | undefined)) => {
  const watches: { query: URLSearchParams; at: number }[] = []
  const server = await startTestApiServer({
    watchFault: (path, query) => {
      if (path !== PODS) return undefined
      watches.push({ query, at: performance.now() })
      return typeof faults === 'function' ? faults(watches.length - 1) : faults[watches.length - 1]
    },
  })
  return { server, watches }
}

const createPod = (t: TestApiServer, name: string) =>
  t.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx:1.25' }] } } })

const podExists = (name: string) => (pods: V1Pod[]) => pods.some((pod) => pod.metadata?.name === name)

describe('watchUntil', () => {
  let t: TestApiServer | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it('waits retryAfterSeconds after a 504 "Too large resource version", then watches again', async () => {
    const faulty = await startFaultyServer([tooLargeResourceVersion(926, 925, 1)])
    t = faulty.server
    const waiting = watchUntil<V1Pod>(t.kc, { path: PODS, timeoutMs: 60_000, isDone: podExists('a') })
    await expect.poll(() => faulty.watches.length, { timeout: 10_000, interval: 10 }).toBe(2)
    await createPod(t, 'a')
    expect(await waiting).toBe('done')
    expect(faulty.watches).toHaveLength(2)
    expect(faulty.watches[1]!.query.get('resourceVersion')).toBe(faulty.watches[0]!.query.get('resourceVersion'))
    expect(faulty.watches[1]!.at - faulty.watches[0]!.at).toBeGreaterThanOrEqual(990)
  })

  it('starts over from the current state on 410 Gone, without the expired resourceVersion', async () => {
    // the first watch ends after a second (timeoutSeconds), the re-watch from its resourceVersion gets 410
    const faulty = await startFaultyServer((index) => (index === 1 ? resourceVersionGone(3, 10) : undefined))
    t = faulty.server
    await createPod(t, 'a')
    const listed: string[] = []
    const done = watchUntil<V1Pod>(t.kc, {
      path: PODS, query: { timeoutSeconds: '1' }, timeoutMs: 60_000,
      isDone: (pods, event) => {
        if (event.object.metadata?.name === 'a') listed.push(`${event.type} a, ${faulty.watches.length} watches so far`)
        return podExists('b')(pods)
      },
    })
    await expect.poll(() => faulty.watches.length, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(3)
    await createPod(t, 'b')
    expect(await done).toBe('done')
    // the LIST before the first watch, and again after the 410: the current state, read afresh
    expect(listed).toEqual(['ADDED a, 0 watches so far', 'ADDED a, 2 watches so far'])
    for (const watch of faulty.watches.slice(0, 3)) expect(watch.query.get('resourceVersion')).toMatch(/^\d+$/)
  })

  it('backs off on 429 and 500, then watches again', async () => {
    const faulty = await startFaultyServer([tooManyRequests(1), internalError(), internalError()])
    t = faulty.server
    const waiting = watchUntil<V1Pod>(t.kc, { path: PODS, timeoutMs: 60_000, isDone: podExists('a') })
    await expect.poll(() => faulty.watches.length, { timeout: 10_000, interval: 10 }).toBe(4)
    await createPod(t, 'a')
    expect(await waiting).toBe('done')
    const gaps = faulty.watches.slice(1).map((watch, index) => watch.at - faulty.watches[index]!.at)
    expect(gaps).toHaveLength(3)
    // retryAfterSeconds, then the backoff doubling from 250 ms
    expect(gaps[0]).toBeGreaterThanOrEqual(990)
    expect(gaps[1]).toBeGreaterThanOrEqual(240)
    expect(gaps[2]).toBeGreaterThanOrEqual(490)
  })

  it('judges a collection only whole: never on the first objects of a replay, as a wait that ended mid-rollout did', async () => {
    const faulty = await startFaultyServer([])
    t = faulty.server
    const labels = { wait: 'whole' }
    for (const [name, ready] of [['a-ready', 'yes'], ['b-not-yet', 'no']] as const) {
      await t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name, labels }, data: { ready } } })
    }
    const judged: string[] = []
    const outcome = await watchUntil<V1ConfigMap>(t.kc, {
      path: '/api/v1/namespaces/default/configmaps', query: { labelSelector: 'wait=whole' }, timeoutMs: 60_000,
      isDone: (maps) => {
        judged.push(maps.map((map) => `${map.metadata!.name}=${map.data!.ready}`).join(' '))
        const allReady = maps.every((map) => map.data?.ready === 'yes')
        if (!allReady && judged.length === 1) void t!.core.patchNamespacedConfigMap({ namespace: 'default', name: 'b-not-yet', body: { data: { ready: 'yes' } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
        return allReady
      },
    })
    expect(outcome).toBe('done')
    expect(judged[0]).toBe('a-ready=yes b-not-yet=no')
    expect(judged.at(-1)).toBe('a-ready=yes b-not-yet=yes')
  })

  it('gives up with a clear error after maxFailures failed attempts in a row', async () => {
    const faulty = await startFaultyServer(() => internalError())
    t = faulty.server
    const waiting = watchUntil<V1Pod>(t.kc, { path: PODS, timeoutMs: 60_000, maxFailures: 2, isDone: podExists('a') })
    await expect(waiting).rejects.toThrow(new WatchFailedError(
      `the watch on ${PODS} failed 3 times in a row (last: 500 InternalError: Internal error occurred: etcdserver: request timed out); is the API server healthy? Try kubectl get --raw '${PODS}'`,
      500,
    ))
    expect(faulty.watches).toHaveLength(3)
  })

  it('gives up at once when the server refuses the watch', async () => {
    const faulty = await startFaultyServer(() => failure(403, 'Forbidden', 'pods is forbidden: User "ci" cannot watch resource "pods"'))
    t = faulty.server
    await expect(watchUntil<V1Pod>(t.kc, { path: PODS, timeoutMs: 60_000, isDone: podExists('a') })).rejects.toThrow(
      `the API server refused the watch on ${PODS}: 403 Forbidden: pods is forbidden: User "ci" cannot watch resource "pods"; check the path and the kubeconfig user's permissions`,
    )
    expect(faulty.watches).toHaveLength(1)
  })

  it('ends as timed-out or aborted while the condition never holds', async () => {
    const faulty = await startFaultyServer([])
    t = faulty.server
    expect(await watchUntil<V1Pod>(t.kc, { path: PODS, timeoutMs: 300, isDone: podExists('never') })).toBe('timed-out')
    const controller = new AbortController()
    const before = faulty.watches.length
    const waiting = watchUntil<V1Pod>(t.kc, { path: PODS, timeoutMs: 60_000, signal: controller.signal, isDone: podExists('never') })
    await expect.poll(() => faulty.watches.length, { timeout: 10_000, interval: 10 }).toBeGreaterThan(before)
    controller.abort()
    expect(await waiting).toBe('aborted')
  })

  it('hands each event to isDone with the objects as they stand, and rechecks what an event cannot show', async () => {
    const faulty = await startFaultyServer([])
    t = faulty.server
    await createPod(t, 'a')
    const seen: string[] = []
    const done = watchUntil<V1Pod>(t.kc, {
      path: PODS, timeoutMs: 60_000,
      isDone: (pods, event) => {
        seen.push(`${event.type} ${event.object.metadata!.name} (${pods.length})`)
        return event.type === 'DELETED'
      },
    })
    await expect.poll(() => seen.length, { timeout: 10_000, interval: 10 }).toBe(1)
    await t.core.deleteNamespacedPod({ namespace: 'default', name: 'a', body: { gracePeriodSeconds: 0 } })
    expect(await done).toBe('done')
    expect(seen[0]).toBe('ADDED a (1)')
    expect(seen.at(-1)).toBe('DELETED a (0)')
    let checks = 0
    expect(await watchUntil<V1Pod>(t.kc, { path: PODS, timeoutMs: 60_000, recheckMs: 20, recheck: () => Promise.resolve(++checks >= 3), isDone: () => false })).toBe('done')
  })
})
