import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FAULT_HEADER } from './apply-fault.js'
import { type BookinfoWorld, startBookinfo } from './testing/start-bookinfo.js'

let world: BookinfoWorld
let base: string

const STAR = 'id="glyphicon glyphicon-star"'
const count = (text: string, needle: string) => text.split(needle).length - 1

const login = async (user: string): Promise<string> => {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: user, passwd: '' }),
    headers: { referer: `${base}/productpage` },
    redirect: 'manual',
  })
  expect(response.status).toBe(302)
  expect(response.headers.get('location')).toBe(`${base}/productpage`)
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

const timedPage = async (cookie = '') => {
  const started = performance.now()
  const response = await fetch(`${base}/productpage`, { headers: cookie ? { cookie } : {} })
  const html = await response.text()
  return { status: response.status, html, seconds: (performance.now() - started) / 1000 }
}

const patchVirtualService = (name: string, change: (spec: Record<string, unknown>) => void) => {
  const object = world.store.get('networking.istio.io/virtualservices', 'bookinfo', name)!
  change(object.spec as Record<string, unknown>)
  world.store.update('networking.istio.io/virtualservices', object)
}

beforeAll(async () => {
  world = await startBookinfo()
  base = world.ingress.url
})

afterAll(async () => {
  await world?.close()
})

beforeEach(async () => {
  await world.apply('fixtures/istio/virtual-service-reviews-v3.yaml')
})

describe('the ingress gateway', () => {
  it('serves the product page with details and red-star reviews from reviews-v3 (the seed setup)', async () => {
    const page = await timedPage()
    expect(page.status).toBe(200)
    expect(page.html).toContain('<title>Simple Bookstore App</title>')
    expect(page.html).toContain('Book Details')
    expect(page.html).toContain('Book Reviews')
    expect(page.html).toContain('text-red-500')
    expect(count(page.html, STAR)).toBe(9)
    expect(page.html).toMatch(/Reviews served by:<\/dt><u>reviews-v3-/)
  })

  it('routes only the five bookinfo paths; everything else is 404 as Envoy answers', async () => {
    for (const path of ['/', '/health', '/metrics', '/details/0']) expect((await fetch(`${base}${path}`)).status, path).toBe(404)
    const products = await fetch(`${base}/api/v1/products`)
    expect(products.status).toBe(200)
    expect(await products.text()).toMatch(/^\[\{"id": 0, "title": "The Comedy of Errors", "descriptionHtml": "<a href=/)
    expect((await fetch(`${base}/static/tailwind/tailwind.css`)).headers.get('content-type')).toContain('text/css')
  })

  it('signs jason in with a session cookie and out again; an end-user header alone changes nothing', async () => {
    await world.apply('fixtures/istio/virtual-service-all-v1.yaml')
    await world.apply('fixtures/istio/virtual-service-reviews-test-v2.yaml')
    const cookie = await login('jason')
    expect(cookie).toMatch(/^session=.+\..+$/)
    const signedIn = await timedPage(cookie)
    expect(signedIn.html).toContain('jason')
    expect(signedIn.html).toContain('Sign out')
    expect(signedIn.html).toContain('text-black-500')
    const spoofed = await fetch(`${base}/productpage`, { headers: { 'end-user': 'jason' } })
    const spoofedHtml = await spoofed.text()
    expect(spoofedHtml).toContain('Sign in')
    expect(count(spoofedHtml, STAR)).toBe(0)
    const logout = await fetch(`${base}/logout`, { headers: { cookie, referer: `${base}/productpage` }, redirect: 'manual' })
    expect(logout.status).toBe(302)
    expect(logout.headers.get('set-cookie')).toMatch(/^session=; Expires=Thu, 01 Jan 1970/)
  })
})

describe('the fault-injection scenarios of the Istio task (user jason, reviews → v2 for jason, v1 for others)', () => {
  beforeEach(async () => {
    await world.apply('fixtures/istio/virtual-service-all-v1.yaml')
    await world.apply('fixtures/istio/virtual-service-reviews-test-v2.yaml')
  })

  it('no ratings rule: fast, black stars 5 and 4', async () => {
    const page = await timedPage(await login('jason'))
    expect(page.seconds).toBeLessThan(1.5)
    expect(page.html).toContain('text-black-500')
    expect(count(page.html, STAR)).toBe(9)
  })

  it('7 s ratings delay: the page takes about 6 s (productpage gives up twice after 3 s) and shows the reviews error', async () => {
    await world.apply('fixtures/istio/virtual-service-ratings-test-delay.yaml')
    const page = await timedPage(await login('jason'))
    expect(page.status).toBe(200)
    expect(page.seconds).toBeGreaterThanOrEqual(5)
    expect(page.seconds).toBeLessThan(8)
    expect(page.html).toContain('Error fetching product reviews')
    expect(page.html).toContain('Sorry, product reviews are currently unavailable for this book.')
    expect(page.html).toContain('Book Details')
  })

  it('7 s ratings delay with reviews routed to v3: about 2.5 s, both reviews with the ratings error', async () => {
    await world.apply('fixtures/istio/virtual-service-ratings-test-delay.yaml')
    patchVirtualService('reviews', (spec) => {
      spec.http = [{ route: [{ destination: { host: 'reviews', subset: 'v3' } }] }]
    })
    const page = await timedPage(await login('jason'))
    expect(page.seconds).toBeGreaterThanOrEqual(2)
    expect(page.seconds).toBeLessThan(3.5)
    expect(page.html).toContain('Book Reviews')
    expect(count(page.html, 'Ratings service is currently unavailable')).toBe(2)
  })

  it('ratings abort 500: fast, both reviews with the ratings error', async () => {
    await world.apply('fixtures/istio/virtual-service-ratings-test-abort.yaml')
    const page = await timedPage(await login('jason'))
    expect(page.seconds).toBeLessThan(1.5)
    expect(count(page.html, 'Ratings service is currently unavailable')).toBe(2)
    expect(count(page.html, STAR)).toBe(0)
  })

  it('any ratings rule, user not jason: fast, v1 reviews without stars', async () => {
    await world.apply('fixtures/istio/virtual-service-ratings-test-delay.yaml')
    const page = await timedPage(await login('alice'))
    expect(page.seconds).toBeLessThan(1.5)
    expect(page.html).toMatch(/Reviews served by:<\/dt><u>reviews-v1-/)
    expect(count(page.html, STAR)).toBe(0)
    expect(page.html).not.toContain('Ratings service is currently unavailable')
  })

  it('reviews route timeout 0.5 s with a 2 s ratings delay: about 1 s (0.5 s × 2 productpage attempts), reviews unavailable', async () => {
    patchVirtualService('reviews', (spec) => {
      spec.http = [{ route: [{ destination: { host: 'reviews', subset: 'v2' } }], timeout: '0.5s' }]
    })
    patchVirtualService('ratings', (spec) => {
      spec.http = [{ fault: { delay: { percentage: { value: 100 }, fixedDelay: '2s' } }, route: [{ destination: { host: 'ratings', subset: 'v1' } }] }]
    })
    const page = await timedPage()
    expect(page.seconds).toBeGreaterThanOrEqual(0.9)
    expect(page.seconds).toBeLessThan(2)
    expect(page.html).toContain('Error fetching product reviews')
  })
})

describe("the seed article's latency experiment", () => {
  it('a 5 s delay on reviews v3 makes a 1 s client timeout fail; removing it makes the page fast again', async () => {
    const cookie = await login('jason')
    expect((await timedPage(cookie)).seconds).toBeLessThan(1)
    patchVirtualService('reviews', (spec) => {
      const [route] = spec.http as Record<string, unknown>[]
      route!.fault = { delay: { fixedDelay: '5s', percentage: { value: 100.0 } } }
    })
    await expect(fetch(`${base}/productpage`, { headers: { cookie }, signal: AbortSignal.timeout(1000) })).rejects.toThrow(/timeout|aborted/i)
    const reviews = await world.fetchFrom()('http://reviews:9080/reviews/0', { signal: AbortSignal.timeout(8000) })
    expect(reviews.headers.get(FAULT_HEADER)).toBe('delay=5s')
    await world.apply('fixtures/istio/virtual-service-reviews-v3.yaml')
    const after = await timedPage(cookie)
    expect(after.seconds).toBeLessThan(1)
    expect(after.html).toContain('text-red-500')
  })
})
