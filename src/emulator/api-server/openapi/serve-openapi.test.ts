// OpenAPI serving against the recorded kube-apiserver 1.32 fetches (fixtures/apiserver-v1.32/openapi-fetch-log.json).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApiServer, type TestApiServer } from '../../../../fixtures/apiserver/start-test-api-server.js'

const RECORDED = new URL('../../../../fixtures/apiserver-v1.32/', import.meta.url)
const recordedFile = (name: string) => readFileSync(new URL(name, RECORDED))

interface Fetch {
  file: string | null
  request: { url: string; headers: Record<string, string> }
  response: { status: number; headers: [string, string][] }
  body_sha256: string
}
const FETCHES = (JSON.parse(recordedFile('openapi-fetch-log.json').toString('utf8')) as { exchanges: Fetch[] }).exchanges
const header = (fetch: Fetch, name: string) => fetch.response.headers.filter(([key]) => key === name).map(([, value]) => value)
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('OpenAPI v2 and v3 as a kube-apiserver 1.32 serves them', () => {
  let t: TestApiServer
  beforeAll(async () => {
    t = await startTestApiServer()
  })
  afterAll(() => t.close())

  const get = async (url: string, accept: string) => {
    const response = await fetch(`${t.server.url}${url}`, { headers: { Accept: accept, Authorization: `Bearer test-token-0123456789` } })
    return { response, bytes: Buffer.from(await response.arrayBuffer()) }
  }

  const served = FETCHES.filter((entry) => entry.file && !/discovery\.k8s\.io|index|istio/.test(entry.file))
  it.each(served.map((entry) => [entry.request.url.split('?')[0]!, entry] as const))('%s: the recorded bytes with the recorded caching headers', async (_url, recorded) => {
    const { response, bytes } = await get(recorded.request.url, recorded.request.headers.Accept!)
    expect(response.status).toBe(200)
    expect(sha256(bytes)).toBe(recorded.body_sha256)
    for (const name of ['Cache-Control', 'Content-Type', 'Etag', 'Accept-Ranges', 'Content-Length']) expect(response.headers.get(name), name).toBe(header(recorded, name).join(', '))
    expect(response.headers.get('Vary')).toBe(header(recorded, 'Vary').join(', '))
    if (header(recorded, 'Expires').length > 0) expect(response.headers.get('Expires')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} UTC$/)
  })

  const istio = FETCHES.filter((entry) => entry.file?.includes('istio'))
  it.each(istio.map((entry) => [entry.file!, entry] as const))('%s: the recorded document plus the Gateway kind, hashed as served', async (file) => {
    const index = JSON.parse((await get('/openapi/v3', 'application/json')).bytes.toString('utf8')) as { paths: Record<string, { serverRelativeURL: string }> }
    const path = `apis/networking.istio.io/${file.replace(/^openapi-v3-networking\.istio\.io-|\.json$/g, '')}`
    const { response, bytes } = await get(index.paths[path]!.serverRelativeURL, 'application/json')
    expect(response.headers.get('Etag')).toBe(`"${createHash('sha512').update(bytes).digest('hex').toUpperCase()}"`)
    const document = JSON.parse(bytes.toString('utf8')) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }
    const recorded = JSON.parse(recordedFile(file).toString('utf8')) as typeof document
    const withoutGateway = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([key]) => !/gateway/i.test(key)))
    expect(withoutGateway(document.paths)).toEqual(recorded.paths)
    expect(withoutGateway(document.components.schemas)).toEqual(recorded.components.schemas)
    expect(Object.keys(document.paths).filter((key) => key.includes('gateways'))).toHaveLength(4)
    expect(Object.keys(document.components.schemas).filter((key) => key.includes('Gateway'))).toHaveLength(2)
  })

  it('without ?hash= a group-version document comes with no-cache, private, as recorded', async () => {
    const recorded = FETCHES.find((entry) => entry.file === null && entry.request.url === '/openapi/v3/apis/apps/v1')!
    const { response, bytes } = await get(recorded.request.url, 'application/json')
    expect([response.status, sha256(bytes), response.headers.get('Cache-Control'), response.headers.get('Expires')]).toEqual([200, recorded.body_sha256, 'no-cache, private', null])
  })

  it('the index lists only the group-versions this server serves, each with the hash of the bytes it serves', async () => {
    const { response, bytes } = await get('/openapi/v3', 'application/json, */*')
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    const paths = (JSON.parse(bytes.toString('utf8')) as { paths: Record<string, { serverRelativeURL: string }> }).paths
    expect(Object.keys(paths)).toEqual(['api/v1', 'apis/apps/v1', 'apis/events.k8s.io/v1', 'apis/policy/v1', 'apis/coordination.k8s.io/v1', 'apis/discovery.k8s.io/v1', 'apis/networking.istio.io/v1', 'apis/networking.istio.io/v1beta1', 'apis/networking.istio.io/v1alpha3'])
    const recordedIndex = JSON.parse(recordedFile('openapi-v3-index.json').toString('utf8')) as { paths: Record<string, { serverRelativeURL: string }> }
    for (const [path, entry] of Object.entries(paths).filter(([key]) => !key.includes('istio'))) expect(entry.serverRelativeURL, path).toBe(recordedIndex.paths[path]!.serverRelativeURL)
  })

  it('a stale hash redirects to the current one; an unserved group-version is 404; If-None-Match is 304', async () => {
    const stale = await fetch(`${t.server.url}/openapi/v3/apis/apps/v1?hash=0123`, { redirect: 'manual', headers: { Authorization: 'Bearer test-token-0123456789' } })
    expect(stale.status).toBe(301)
    expect(stale.headers.get('Location')).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=1A8176311B87/)
    expect((await get('/openapi/v3/apis/batch/v1', 'application/json')).response.status).toBe(404)
    const first = await get('/openapi/v3/apis/policy/v1', 'application/json')
    const again = await fetch(`${t.server.url}/openapi/v3/apis/policy/v1`, { headers: { Authorization: 'Bearer test-token-0123456789', 'If-None-Match': first.response.headers.get('Etag')! } })
    expect(again.status).toBe(304)
  })

  it('v2 asked for only in protobuf is an empty 406 (the gnostic protobuf encoding is not served)', async () => {
    const { response, bytes } = await get('/openapi/v2', 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf')
    expect([response.status, bytes.length]).toEqual([406, 0])
  })

  it('OpenAPI needs the bearer token like every other API path', async () => {
    expect((await fetch(`${t.server.url}/openapi/v3`)).status).toBe(403)
  })
})
