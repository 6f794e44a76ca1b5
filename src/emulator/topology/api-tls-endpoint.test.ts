// The HTTPS endpoint hands decrypted connections to the API server itself: same answers, same bytes, closed with it.
import { Agent, request } from 'node:https'
import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { openApiDocuments } from '../api-server/openapi/openapi-documents.js'
import { startApiServer, type ApiServer } from '../api-server/start-api-server.js'
import { Store } from '../store/store.js'
import { startApiTlsEndpoint, type TlsEndpoint } from './api-tls-endpoint.js'

const TOKEN = 'tls-test-token'
let api: ApiServer | undefined
let endpoint: TlsEndpoint | undefined
const agent = new Agent({ keepAlive: true, rejectUnauthorized: false })

afterEach(async () => {
  await endpoint?.close()
  await api?.close()
})

const get = (url: string): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    request(url, { agent, headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), headers: response.headers }))
    })
      .on('error', reject)
      .end()
  })

describe('the API server behind its TLS endpoint', () => {
  it('answers over HTTPS as over plain http, the 1.4 MB OpenAPI document byte for byte, on one kept-alive connection', async () => {
    api = await startApiServer({ store: new Store(), token: TOKEN })
    endpoint = await startApiTlsEndpoint(api)
    expect(endpoint.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const version = await get(`${endpoint.url}/version`)
    expect(version.status).toBe(200)
    expect(JSON.parse(version.body.toString('utf8'))).toMatchObject({ major: '1' })
    const document = openApiDocuments().v3.get('api/v1')!
    const served = await get(`${endpoint.url}/openapi/v3/api/v1?hash=${document.hash}`)
    expect([served.status, served.headers.etag, served.body.equals(document.bytes)]).toEqual([200, `"${document.hash}"`, true])
    const denied = await new Promise<number>((resolve) => request(`${endpoint!.url}/api/v1/pods`, { agent }, (response) => resolve(response.statusCode ?? 0)).end())
    expect(denied).toBe(403)
  })

  it('close() ends kept-alive connections, so the process is not held open', async () => {
    api = await startApiServer({ store: new Store(), token: TOKEN })
    endpoint = await startApiTlsEndpoint(api)
    const socket = await new Promise<Socket>((resolve, reject) => {
      let used: Socket | undefined
      request(`${endpoint!.url}/version`, { agent, headers: { Authorization: `Bearer ${TOKEN}` } }, (response) => {
        response.resume()
        response.on('end', () => resolve(used!))
      })
        .on('socket', (socket: Socket) => (used = socket))
        .on('error', reject)
        .end()
    })
    expect(socket.destroyed).toBe(false)
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    await endpoint.close()
    await closed
    endpoint = undefined
  })
})
