import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT_HEADER } from './apply-fault.js'
import { type BookinfoWorld, startBookinfo } from './testing/start-bookinfo.js'

let world: BookinfoWorld

const setVirtualService = (name: string, http: unknown[]) => {
  const object = world.store.get('networking.istio.io/virtualservices', 'bookinfo', name)!
  object.spec = { ...(object.spec as object), http }
  world.store.update('networking.istio.io/virtualservices', object)
}

const call = async (url: string, init?: RequestInit) => {
  const response = await world.fetchFrom()(url, init)
  return { status: response.status, text: await response.text(), headers: response.headers }
}

/** Smallest `lo` and largest `hi` with P(X < lo) ≤ tail and P(X > hi) ≤ tail for X ~ Binomial(n, p). */
const binomialBounds = (n: number, p: number, tail: number) => {
  const pmf: number[] = [Math.pow(1 - p, n)]
  for (let k = 1; k <= n; k += 1) pmf.push((pmf[k - 1]! * (n - k + 1) * p) / (k * (1 - p)))
  let lo = 0
  for (let below = 0; below + pmf[lo]! <= tail; lo += 1) below += pmf[lo]!
  let hi = n
  for (let above = 0; above + pmf[hi]! <= tail; hi -= 1) above += pmf[hi]!
  return { lo, hi }
}

// Every routing semantic, once with programs called in the cluster's thread (as the kubelet runs bookinfo) and once over their loopback ports.
describe.each(['in the thread', 'over loopback sockets'])('sidecar to program %s', (transport) => {
  beforeAll(async () => {
    world = await startBookinfo({ inThread: transport === 'in the thread' })
  })

  afterAll(async () => {
    await world?.close()
  })

  describe('routing', () => {
    it('splits traffic by weight: 80/20 over 200 requests stays inside a binomial bound that fails with probability < 1e-6', async () => {
      setVirtualService('reviews', [
        { route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 80 }, { destination: { host: 'reviews', subset: 'v2' }, weight: 20 }] },
      ])
      const served = await Promise.all(Array.from({ length: 200 }, () => call('http://reviews:9080/reviews/0').then(({ text }) => (JSON.parse(text) as { podname: string }).podname)))
      const v1 = served.filter((name) => name.startsWith('reviews-v1-')).length
      const v2 = served.filter((name) => name.startsWith('reviews-v2-')).length
      const { lo, hi } = binomialBounds(200, 0.8, 5e-7)
      expect(v1 + v2).toBe(200)
      expect(v1).toBeGreaterThanOrEqual(lo)
      expect(v1).toBeLessThanOrEqual(hi)
      expect(hi - lo).toBeLessThan(80)
    })

    it('without a VirtualService, balances over every version behind the Service', async () => {
      world.store.remove('networking.istio.io/virtualservices', 'bookinfo', 'reviews')
      const served = new Set<string>()
      for (let i = 0; i < 12; i += 1) served.add((JSON.parse((await call('http://reviews:9080/reviews/0')).text) as { podname: string }).podname.slice(0, 10))
      expect([...served].sort()).toEqual(['reviews-v1', 'reviews-v2', 'reviews-v3'])
      await world.apply('fixtures/istio/virtual-service-reviews-v3.yaml')
    })

    it('answers 404 when no route matches, and 503 for a subset no DestinationRule defines', async () => {
      setVirtualService('reviews', [{ match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] }])
      expect((await call('http://reviews:9080/reviews/0')).status).toBe(404)
      expect((await call('http://reviews.bookinfo.svc.cluster.local:9080/reviews/0', { headers: { 'end-user': 'jason' } })).status).toBe(200)
      expect((await call('http://reviews:9080/reviews/0', { headers: { 'end-user': 'Jason' } })).status).toBe(404)
      setVirtualService('reviews', [{ route: [{ destination: { host: 'reviews', subset: 'v9' } }] }])
      expect((await call('http://reviews:9080/reviews/0')).status).toBe(503)
      await world.apply('fixtures/istio/virtual-service-reviews-v3.yaml')
    })

    it('aborts with the configured status and body, marks the fault, and productpage passes the status on', async () => {
      setVirtualService('details', [{ fault: { abort: { httpStatus: 555, percentage: { value: 100 } } }, route: [{ destination: { host: 'details', subset: 'v1' } }] }])
      const aborted = await call('http://details:9080/details/0')
      expect(aborted).toMatchObject({ status: 555, text: 'fault filter abort' })
      expect(aborted.headers.get(FAULT_HEADER)).toBe('abort=555')
      const api = await fetch(`${world.ingress.url}/api/v1/products/0`)
      expect(api.status).toBe(555)
      expect(await api.text()).toBe('{"error": "Sorry, product details are currently unavailable for this book."}')
      setVirtualService('details', [{ fault: { abort: { httpStatus: 555 } }, route: [{ destination: { host: 'details', subset: 'v1' } }] }])
      expect((await call('http://details:9080/details/0')).status).toBe(200)
      await world.apply('fixtures/istio/virtual-service-reviews-v3.yaml')
    })
  })

  describe('pod kills', () => {
    let victim = ''

    it('one of six ratings-v2 pods refusing connections is hidden by the default retry on another host', async () => {
      await world.apply('fixtures/istio/virtual-service-ratings-db.yaml')
      victim = world.pods.of('ratings-v2')[0]!.pod.metadata.name!
      await world.pods.crash(victim)
      const statuses = await Promise.all(Array.from({ length: 60 }, () => call('http://ratings:9080/ratings/0').then(({ status }) => status)))
      expect(statuses.filter((status) => status !== 200)).toEqual([])
    })

    it('the same kill shows once retries are switched off (attempts: 0)', async () => {
      setVirtualService('ratings', [{ route: [{ destination: { host: 'ratings', subset: 'v2' } }], retries: { attempts: 0 } }])
      const answers = await Promise.all(Array.from({ length: 60 }, () => call('http://ratings:9080/ratings/0')))
      const failed = answers.filter(({ status }) => status === 503)
      expect(failed.length).toBeGreaterThan(0)
      expect(failed.length + answers.filter(({ status }) => status === 200).length).toBe(60)
      expect(failed[0]?.text).toBe('upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: delayed connect error: 111')
      // later tests expect every ratings-v2 endpoint to answer
      await world.pods.remove(victim)
    })

    it("a subset's only pod refusing fails after the retries; once it is gone the subset has no healthy upstream", async () => {
      await world.apply('fixtures/istio/virtual-service-reviews-v3.yaml')
      const [v3] = world.pods.of('reviews-v3')
      await world.pods.crash(v3!.pod.metadata.name!)
      const refused = await call('http://reviews:9080/reviews/0')
      expect(refused.status).toBe(503)
      expect(refused.text).toMatch(/^upstream connect error or disconnect\/reset before headers\. retried and the latest reset reason: remote connection failure/)
      await world.pods.remove(v3!.pod.metadata.name!)
      expect(await call('http://reviews:9080/reviews/0')).toMatchObject({ status: 503, text: 'no healthy upstream' })
      const page = await (await fetch(`${world.ingress.url}/productpage`)).text()
      expect(page).toContain('Error fetching product reviews')
      expect(page).toContain('Book Details')
    })

    it('enforces the route timeout over all tries, and per-try timeouts retried under retryOn 5xx', async () => {
      await world.apply('fixtures/istio/virtual-service-ratings-db.yaml')
      const mongodb = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'mongodb', namespace: 'bookinfo' } }
      world.store.create('networking.istio.io/virtualservices', { ...mongodb, spec: { hosts: ['mongodb'], http: [{ fault: { delay: { fixedDelay: '2s', percentage: { value: 100 } } }, route: [{ destination: { host: 'mongodb' } }] }] } })
      setVirtualService('ratings', [{ route: [{ destination: { host: 'ratings', subset: 'v2' } }], timeout: '0.5s' }])
      let started = performance.now()
      expect(await call('http://ratings:9080/ratings/0')).toMatchObject({ status: 504, text: 'upstream request timeout' })
      const single = (performance.now() - started) / 1000
      expect(single).toBeGreaterThanOrEqual(0.45)
      expect(single).toBeLessThan(1.5)
      setVirtualService('ratings', [{ route: [{ destination: { host: 'ratings', subset: 'v2' } }], timeout: '5s', retries: { attempts: 2, perTryTimeout: '0.3s', retryOn: '5xx' } }])
      started = performance.now()
      expect(await call('http://ratings:9080/ratings/0')).toMatchObject({ status: 504, text: 'upstream request timeout' })
      const retried = (performance.now() - started) / 1000
      expect(retried).toBeGreaterThanOrEqual(0.85)
      expect(retried).toBeLessThan(2.5)
      world.store.remove('networking.istio.io/virtualservices', 'bookinfo', 'mongodb')
      expect((await call('http://ratings:9080/ratings/0')).status).toBe(200)
    })

    it('ratings v2 answers 500 "could not connect to ratings database" when mongodb is gone', async () => {
      await world.apply('fixtures/istio/virtual-service-ratings-db.yaml')
      expect(await call('http://ratings:9080/ratings/0')).toMatchObject({ status: 200, text: '{"id":0,"ratings":{"Reviewer1":5,"Reviewer2":4}}' })
      const [mongo] = world.pods.of('mongodb-v1')
      await world.pods.remove(mongo!.pod.metadata.name!)
      expect(await call('http://ratings:9080/ratings/0')).toMatchObject({ status: 500, text: '{"error":"could not connect to ratings database"}' })
    })
  })
})
