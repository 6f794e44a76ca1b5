// The LIST a watch starts with, in pages: against the emulated API server, and against a loopback stand-in that
// answers as kube-apiserver does when a continue token has expired (410), which the emulator cannot be made to do.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { KubeConfig, type V1ConfigMap } from '@kubernetes/client-node'
import { afterEach, describe, expect, it } from 'vitest'
import { kubeconfigFor, startTestApiServer, type TestApiServer } from '../../fixtures/apiserver/start-test-api-server.js'
import { listCollection } from './list-collection.js'

const CONFIG_MAPS = '/api/v1/namespaces/default/configmaps'
const names = (items: V1ConfigMap[]) => items.map((item) => item.metadata?.name)

/** Serves `all` in pages of the asked `limit`; a continue token after `expireAfter` pages answers 410. Records each query. */
const startPagingServer = async (all: string[], expireAfter = Number.POSITIVE_INFINITY) => {
  const queries: URLSearchParams[] = []
  const server: Server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://x').searchParams
    queries.push(query)
    const pagesServed = queries.length - 1
    const start = Number(query.get('continue') ?? 0)
    if (query.has('continue') && pagesServed >= expireAfter) {
      response.writeHead(410, { 'content-type': 'application/json' })
      return response.end(JSON.stringify({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410, message: 'The provided continue parameter is too old' }))
    }
    const limit = Number(query.get('limit') ?? 0)
    const end = limit > 0 ? Math.min(all.length, start + limit) : all.length
    const items = all.slice(start, end).map((name) => ({ metadata: { name } }))
    const metadata = { resourceVersion: '42', ...(end < all.length ? { continue: String(end) } : {}) }
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ kind: 'ConfigMapList', apiVersion: 'v1', metadata, items }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const kc = new KubeConfig()
  kc.loadFromString(kubeconfigFor(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  return { kc, queries, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

describe('listCollection', () => {
  let t: TestApiServer | undefined
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    await t?.close()
    t = undefined
    await Promise.all(closers.splice(0).map((close) => close()))
  })

  it('reads a collection in pages from the emulated API server: every object once, in order, with the list resourceVersion', async () => {
    t = await startTestApiServer()
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) await t.core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name }, data: { n: name } } })
    const paged = await listCollection<V1ConfigMap>(t.kc, CONFIG_MAPS, {}, AbortSignal.timeout(10_000), 3)
    const whole = await listCollection<V1ConfigMap>(t.kc, CONFIG_MAPS, {}, AbortSignal.timeout(10_000))
    expect(names(paged.items)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    expect(names(whole.items)).toEqual(names(paged.items))
    expect(paged.resourceVersion).toBe(whole.resourceVersion)
  })

  it('asks for pages of the given size with the selectors on every page, following each continue token', async () => {
    const stand = await startPagingServer(['a', 'b', 'c', 'd', 'e'])
    closers.push(stand.close)
    const listed = await listCollection(stand.kc, CONFIG_MAPS, { labelSelector: 'app=web' }, AbortSignal.timeout(10_000), 2)
    expect(names(listed.items)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(stand.queries.map((query) => `${query.get('limit')} ${query.get('continue')} ${query.get('labelSelector')}`)).toEqual(['2 null app=web', '2 2 app=web', '2 4 app=web'])
    expect(listed.resourceVersion).toBe('42')
  })

  it('lists again in one answer when a continue token has expired (410), as client-go does', async () => {
    const stand = await startPagingServer(['a', 'b', 'c', 'd', 'e'], 1)
    closers.push(stand.close)
    const listed = await listCollection(stand.kc, CONFIG_MAPS, {}, AbortSignal.timeout(10_000), 2)
    expect(names(listed.items)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(stand.queries.map((query) => `${query.get('limit')} ${query.get('continue')}`)).toEqual(['2 null', '2 2', 'null null'])
  })
})
