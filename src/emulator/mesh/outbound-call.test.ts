import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KubeObject } from '../store/kube-object.js'
import { type BookinfoWorld, startBookinfo } from './testing/start-bookinfo.js'

let world: BookinfoWorld
const sleepPod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sleep', namespace: 'bookinfo', labels: { app: 'sleep' } } }
const call = () => world.mesh.outboundCall(sleepPod)

const delayRatings = (fixedDelay: string | undefined) => {
  const object = world.store.get('networking.istio.io/virtualservices', 'bookinfo', 'ratings')!
  const route = [{ destination: { host: 'ratings', subset: 'v1' } }]
  object.spec = { ...(object.spec as object), http: [fixedDelay ? { fault: { delay: { fixedDelay, percentage: { value: 100 } } }, route } : { route }] }
  world.store.update('networking.istio.io/virtualservices', object)
}

beforeAll(async () => {
  world = await startBookinfo()
  await world.apply('fixtures/istio/virtual-service-ratings-test-delay.yaml')
})

afterAll(async () => {
  await world?.close()
})

describe('a pod calling a Service through its sidecar without fetch', () => {
  it('gets the whole answer as an HTTP client parses it: status, lower-case headers, body bytes', async () => {
    delayRatings(undefined)
    const answer = await call()('http://ratings:9080/ratings/0', { headers: { 'x-request-id': 'call-1' } })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json')
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ id: 0, ratings: { Reviewer1: 5, Reviewer2: 4 } })
    const posted = await call()('http://ratings.bookinfo:9080/ratings/3', { method: 'post', body: Buffer.from('{"Reviewer1":1}') })
    expect(posted.status).toBe(200)
  })

  it('gives up after timeoutMs with a TimeoutError, and with the reason when its signal aborts, while the callee is delayed', async () => {
    delayRatings('30s')
    await expect(call()('http://ratings:9080/ratings/0', { timeoutMs: 20 })).rejects.toMatchObject({ name: 'TimeoutError' })
    const caller = new AbortController()
    const pending = call()('http://ratings:9080/ratings/0', { signal: caller.signal })
    caller.abort(new Error('the caller gave up'))
    await expect(pending).rejects.toThrow('the caller gave up')
    delayRatings(undefined)
    expect((await call()('http://ratings:9080/ratings/0', { timeoutMs: 5_000 })).status).toBe(200)
  })

  it('fails as fetch does for a host cluster DNS does not know and for a port the Service does not expose', async () => {
    await expect(call()('http://nowhere:9080/')).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ENOTFOUND' } })
    await expect(call()('http://ratings:9999/')).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } })
  })
})
