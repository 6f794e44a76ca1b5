/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- watch events are untyped JSON */
// Watch semantics through client-node's Watch and raw streams, checked against the recorded watch cases.
import * as k8s from '@kubernetes/client-node'
import { afterEach, describe, expect, it } from 'vitest'
import { loadWatchStream } from '../../../fixtures/apiserver/recorded-world.js'
import { startTestApiServer, TEST_TOKEN, type TestApiServer } from '../../../fixtures/apiserver/start-test-api-server.js'
import { finalizePodDeletion } from '../registry/kinds/pod-deletion.js'

const createPod = (t: TestApiServer, name: string, labels: Record<string, string> = { app: 'web' }) =>
  t.core.createNamespacedPod({ namespace: 'default', body: { metadata: { name, labels }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx:1.25' }] } } })

/** Reads NDJSON watch events until the server ends the stream (timeoutSeconds) or `stop` says so. */
const readEvents = async (t: TestApiServer, path: string, stop: (events: { type: string; object: any }[]) => boolean = () => false) => {
  const response = await fetch(`${t.server.url}${path}`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } })
  const events: { type: string; object: any }[] = []
  const decoder = new TextDecoder()
  let buffer = ''
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true })
    const lines = buffer.split('\n')
    buffer = lines.pop()!
    for (const line of lines.filter(Boolean)) events.push(JSON.parse(line))
    if (stop(events)) break
  }
  return { status: response.status, contentType: response.headers.get('content-type'), events }
}

describe('watch', () => {
  let t: TestApiServer
  afterEach(async () => t?.close())

  it('094: graceful delete is MODIFIED, then MODIFIED + DELETED at the final delete, then BOOKMARKs shaped like the recording', async () => {
    t = await startTestApiServer({ bookmarkIntervalMs: 200 })
    await createPod(t, 'w1')
    const from = t.store.revision
    const watching = readEvents(t, `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${from}&fieldSelector=metadata.name%3Dw1&allowWatchBookmarks=true&timeoutSeconds=2`)
    await t.core.deleteNamespacedPod({ namespace: 'default', name: 'w1' })
    finalizePodDeletion(t.store, 'default', 'w1')
    const { status, contentType, events } = await watching
    expect([status, contentType]).toEqual([200, 'application/json'])
    const recorded = loadWatchStream('094')
    const types = events.map((event) => event.type)
    expect(types.slice(0, 3)).toEqual(recorded.slice(0, 3).map((event) => event.type))
    expect(events[1]!.object.metadata.deletionGracePeriodSeconds).toBe(0)
    const bookmark = events.find((event) => event.type === 'BOOKMARK')!
    const recordedBookmark = recorded.find((event) => event.type === 'BOOKMARK')
    expect({ ...bookmark.object, metadata: { ...bookmark.object.metadata, resourceVersion: 'RV' } }).toEqual({
      ...recordedBookmark.object,
      metadata: { ...recordedBookmark.object.metadata, resourceVersion: 'RV' },
    })
    expect(bookmark.object.metadata.resourceVersion).toBe(events[2]!.object.metadata.resourceVersion)
  })

  it('100: resourceVersion=0 starts with synthetic ADDED events for matching objects only', async () => {
    t = await startTestApiServer()
    await createPod(t, 'a')
    await createPod(t, 'b')
    await createPod(t, 'other', { app: 'db' })
    const { events } = await readEvents(t, '/api/v1/namespaces/default/pods?watch=1&resourceVersion=0&labelSelector=app%3Dweb&timeoutSeconds=1')
    expect(events.map((event) => [event.type, event.object.metadata.name])).toEqual([['ADDED', 'a'], ['ADDED', 'b']])
  })

  it('resumes after a resourceVersion with client-node Watch, and sends DELETED when an object stops matching', async () => {
    t = await startTestApiServer()
    await createPod(t, 'r1')
    const from = t.store.revision
    await createPod(t, 'r2')
    const seen: string[] = []
    const watch = new k8s.Watch(t.kc)
    const controller = await watch.watch('/api/v1/namespaces/default/pods', { resourceVersion: String(from), labelSelector: 'app=web' }, (type, object: k8s.V1Pod) => seen.push(`${type} ${object.metadata?.name}`), () => {})
    await t.core.patchNamespacedPod({ namespace: 'default', name: 'r1', body: { metadata: { labels: { app: 'moved' } } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch))
    const deadline = Date.now() + 5000
    while (seen.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort()
    expect(seen).toEqual(['ADDED r2', 'DELETED r1'])
  })

  it('099: a resourceVersion older than the history answers 200 and one ERROR 410 Expired event', async () => {
    t = await startTestApiServer()
    const config = t.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'churn', namespace: 'default' }, data: { n: '0' } })
    for (let n = 1; n <= 10_001; n += 1) t.store.update('configmaps', { ...config, metadata: { ...config.metadata, resourceVersion: undefined }, data: { n: String(n) } })
    const { status, events } = await readEvents(t, '/api/v1/namespaces/default/pods?watch=1&resourceVersion=1&timeoutSeconds=3')
    const recorded = loadWatchStream('099')[0]
    expect(status).toBe(200)
    expect(events).toHaveLength(1)
    expect({ ...events[0], object: { ...events[0]!.object, message: '' } }).toEqual({ ...recorded, object: { ...recorded.object, message: '' } })
    expect(events[0]!.object.message).toMatch(/^too old resource version: 1 \(\d+\)$/)
    const list = await t.request('GET', '/api/v1/namespaces/default/pods?resourceVersion=1&resourceVersionMatch=Exact&limit=1')
    expect([list.status, list.json?.reason, list.json?.message]).toEqual([410, 'Expired', 'The resourceVersion for the provided list is too old.'])
  })

  it('104: a list at a future resourceVersion waits about 3 s, then answers 504 with Retry-After', async () => {
    t = await startTestApiServer()
    const started = Date.now()
    const response = await t.request('GET', '/api/v1/namespaces/default/pods?resourceVersion=99999999')
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500)
    expect([response.status, response.headers.get('retry-after'), response.json?.reason]).toEqual([504, '1', 'Timeout'])
    expect(response.json?.message).toBe(`Timeout: Too large resource version: 99999999, current: ${t.store.revision}`)
  })

  it('ends open watches when the server closes', async () => {
    let served: () => void = () => undefined
    const watchServed = new Promise<void>((resolve) => (served = resolve))
    // the watchFault hook is asked once the watch's 200 headers are sent: the watch is open
    t = await startTestApiServer({ watchFault: () => void served() })
    const watching = readEvents(t, '/api/v1/pods?watch=true')
    await watchServed
    await t.close()
    const { status } = await watching
    expect(status).toBe(200)
  })
})
