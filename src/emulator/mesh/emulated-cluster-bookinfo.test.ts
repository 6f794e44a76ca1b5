import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmulatedCluster } from '../emulated-cluster.js'
import { startEmulatedCluster } from '../start-emulated-cluster.js'

let cluster: EmulatedCluster

const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${cluster.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${cluster.token}`, 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as { items?: { metadata: { name: string; deletionTimestamp?: string } }[] } }
}

const page = async (signal?: AbortSignal) => (await fetch(`${cluster.productPageUrl}/productpage`, { signal })).text()

const REVIEWS_VS = '/apis/networking.istio.io/v1/namespaces/bookinfo/virtualservices/reviews'

beforeAll(async () => {
  cluster = await startEmulatedCluster()
})

afterAll(async () => {
  await cluster?.stop()
})

describe('bookinfo on the emulated cluster', () => {
  it('deploys bookinfo by default and serves the product page through the ingress', async () => {
    expect(cluster.productPageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const html = await page()
    expect(html).toContain('Book Details')
    expect(html).toMatch(/Reviews served by:<\/dt><u>reviews-v3-[a-z0-9]+-[a-z0-9]{5}<\/u>/)
    expect(html).toContain('text-red-500')
  })

  it('applies a VirtualService delay patched through the API server on the very next request, and its removal too', async () => {
    const route = { destination: { host: 'reviews', subset: 'v3' } }
    expect((await api('PATCH', REVIEWS_VS, { spec: { http: [{ route: [route], fault: { delay: { fixedDelay: '5s', percentage: { value: 100 } } } }] } })).status).toBe(200)
    await expect(page(AbortSignal.timeout(1000))).rejects.toThrow(/timeout|aborted/i)
    expect((await api('PATCH', REVIEWS_VS, { spec: { http: [{ route: [route] }] } })).status).toBe(200)
    const started = performance.now()
    expect(await page(AbortSignal.timeout(1000))).toContain('text-red-500')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it("after reviews-v3's only pod is deleted, the terminating pod gets no traffic and the ReplicaSet's replacement serves the page", async () => {
    const pods = await api('GET', '/api/v1/namespaces/bookinfo/pods?labelSelector=app%3Dreviews%2Cversion%3Dv3')
    const victim = pods.json.items?.[0]?.metadata.name
    expect(victim).toMatch(/^reviews-v3-/)
    expect((await api('DELETE', `/api/v1/namespaces/bookinfo/pods/${victim}`)).status).toBe(200)
    let recovered = ''
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && !recovered.includes('text-red-500'); ) {
      recovered = await page()
      expect(recovered).not.toContain(`<u>${victim}</u>`)
      if (!recovered.includes('text-red-500')) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(recovered).toContain('text-red-500')
    expect(recovered).not.toContain(`<u>${victim}</u>`)
  })
})
