import { afterEach, describe, expect, it } from 'vitest'
import { fetchOverCall } from '../fetch-over-call.js'
import type { OutboundCall, RunningProgram } from '../program.js'
import { bookinfoPrograms } from './index.js'
import { reviewsFlavour } from './reviews.js'
import { ratingsCollectionUrl } from './ratings.js'

const running: RunningProgram[] = []

const start = async (image: string, outbound: OutboundCall = () => Promise.reject(new TypeError('fetch failed'))) => {
  const program = bookinfoPrograms.get(image)!
  const started = await program({ podName: `${image}-pod`, namespace: 'bookinfo', containerName: 'c', image: `registry.istio.io/release/${image}:1.20.3`, env: { HOSTNAME: `${image}-pod` }, containerPorts: [9080], log: () => undefined, call: outbound, fetch: fetchOverCall(outbound) })
  running.push(started)
  const base = `http://127.0.0.1:${started.ports[9080]}`
  return async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init)
    return { status: response.status, text: await response.text(), type: response.headers.get('content-type') }
  }
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((program) => program.stop()))
})

describe('details', () => {
  it('answers the book details with a numeric id echoed, 400 for a non-numeric id', async () => {
    const call = await start('examples-bookinfo-details-v1')
    expect(await call('/details/7')).toEqual({
      status: 200,
      type: 'application/json',
      text: '{"id":7,"author":"William Shakespeare","year":1595,"type":"paperback","pages":200,"publisher":"PublisherA","language":"English","ISBN-10":"1234567890","ISBN-13":"123-1234567890"}',
    })
    expect(await call('/details/abc')).toMatchObject({ status: 400, text: '{"error":"please provide numeric product id"}' })
    expect(await call('/details')).toMatchObject({ status: 400 })
    expect(await call('/health')).toMatchObject({ status: 200, text: '{"status":"Details is healthy"}' })
  })
})

describe('ratings v1', () => {
  it('answers the default ratings, stores a POST, and rejects bad ids and bad JSON', async () => {
    const call = await start('examples-bookinfo-ratings-v1')
    expect(await call('/ratings/0')).toMatchObject({ status: 200, text: '{"id":0,"ratings":{"Reviewer1":5,"Reviewer2":4}}' })
    expect(await call('/ratings/abc')).toMatchObject({ status: 400, text: '{"error":"please provide numeric product ID"}' })
    expect(await call('/ratings/3', { method: 'POST', body: '{"Reviewer1":1,"Reviewer2":2}' })).toMatchObject({ status: 200, text: '{"id":3,"ratings":{"Reviewer1":1,"Reviewer2":2}}' })
    expect(await call('/ratings/3')).toMatchObject({ text: '{"id":3,"ratings":{"Reviewer1":1,"Reviewer2":2}}' })
    expect(await call('/ratings/3', { method: 'POST', body: 'nope' })).toMatchObject({ status: 400, text: '{"error":"please provide valid ratings JSON"}' })
    expect(await call('/health')).toMatchObject({ text: '{"status":"Ratings is healthy"}' })
  })

  it('v2 refuses POST with 501 and fails with 500 when the database cannot be reached', async () => {
    const call = await start('examples-bookinfo-ratings-v2')
    expect(await call('/ratings/0', { method: 'POST', body: '{}' })).toMatchObject({ status: 501, text: '{"error":"Post not implemented for database backed ratings"}' })
    expect(await call('/ratings/0')).toMatchObject({ status: 500, text: '{"error":"could not connect to ratings database"}' })
    expect(ratingsCollectionUrl('mongodb://mongodb:27017/test')).toBe('http://mongodb:27017/test/ratings')
  })
})

describe('reviews', () => {
  it('derives version, star colour and ratings timeout from the image name', () => {
    expect(reviewsFlavour('registry.istio.io/release/examples-bookinfo-reviews-v1:1.20.3')).toEqual({ ratingsEnabled: false, starColor: 'black', ratingsTimeoutMs: 10_000 })
    expect(reviewsFlavour('examples-bookinfo-reviews-v2')).toEqual({ ratingsEnabled: true, starColor: 'black', ratingsTimeoutMs: 10_000 })
    expect(reviewsFlavour('examples-bookinfo-reviews-v3')).toEqual({ ratingsEnabled: true, starColor: 'red', ratingsTimeoutMs: 2_500 })
  })

  it('answers 200 with a string id and the pod name, and a rating error per review when ratings fails', async () => {
    const call = await start('examples-bookinfo-reviews-v3')
    const answer = await call('/reviews/0')
    expect(answer.status).toBe(200)
    const body = JSON.parse(answer.text) as { id: string; podname: string; clustername: string; reviews: { reviewer: string; rating: unknown }[] }
    expect(body).toMatchObject({ id: '0', podname: 'examples-bookinfo-reviews-v3-pod', clustername: 'null' })
    expect(body.reviews.map((review) => review.rating)).toEqual([{ error: 'Ratings service is currently unavailable' }, { error: 'Ratings service is currently unavailable' }])
    expect((await call('/reviews/abc')).status).toBe(404)
  })

  it('forwards end-user and tracing headers to ratings', async () => {
    const seen: Record<string, string>[] = []
    const call = await start('examples-bookinfo-reviews-v2', (_url, init) => {
      seen.push({ ...init?.headers })
      return Promise.resolve({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"id":0,"ratings":{"Reviewer1":3,"Reviewer2":1}}') })
    })
    const body = JSON.parse((await call('/reviews/0', { headers: { 'end-user': 'jason', 'x-request-id': 'abc', 'x-unrelated': '1' } })).text) as { reviews: { rating: unknown }[] }
    expect(body.reviews.map((review) => review.rating)).toEqual([{ stars: 3, color: 'black' }, { stars: 1, color: 'black' }])
    expect(seen[0]).toMatchObject({ 'end-user': 'jason', 'x-request-id': 'abc' })
    expect(seen[0]?.['x-unrelated']).toBeUndefined()
  })
})

describe('productpage', () => {
  it('serves /health, the index, the products JSON and a Flask-style 404', async () => {
    const call = await start('examples-bookinfo-productpage-v1')
    expect(await call('/health')).toMatchObject({ status: 200, text: 'Product page is healthy' })
    expect((await call('/')).text).toContain('Hello! This is a simple bookstore application consisting of three services as shown below')
    expect((await call('/api/v1/products')).text).toMatch(/^\[\{"id": 0, "title": "The Comedy of Errors", "descriptionHtml": ".*William Shakespeare's.*"\}\]$/)
    expect((await call('/nope')).status).toBe(404)
  })

  it('renders failures only in the text, with status 200, when details and reviews are unreachable', async () => {
    const call = await start('examples-bookinfo-productpage-v1')
    const page = await call('/productpage')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Error fetching product details')
    expect(page.text).toContain('Sorry, product details are currently unavailable for this book.')
    expect(page.text).toContain('Error fetching product reviews')
    expect((await call('/api/v1/products/0/ratings')).status).toBe(500)
    const metrics = (await call('/metrics')).text
    expect(metrics).toContain('request_result_total{destination_app="details",response_code="500"} 1.0')
    expect(metrics).toContain('request_result_total{destination_app="reviews",response_code="500"} 1.0')
  })
})
