import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ActivityFailedError, InterruptedError } from '../errors.js'
import type { Activity, HttpProvider } from '../experiment/types.js'
import { createProviderContext } from './create-provider-context.js'
import { httpProvider } from './http-provider.js'

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: string }
let seen: Seen[] = []

const handle = (request: IncomingMessage, response: ServerResponse) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    seen.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString() })
    const path = new URL(request.url!, 'http://x').pathname
    if (path === '/json') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true,"n":[1,2]}')
    if (path === '/json-charset') return void response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end('{"ok":true}')
    if (path === '/boom') return void response.writeHead(500, { 'X-Trace': 'abc' }).end('kaput')
    if (path === '/slow') return void setTimeout(() => response.end('late'), 3000)
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('hello')
  })
}

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

let server: Server
let base = ''
beforeAll(async () => {
  server = createServer(handle)
  base = `http://127.0.0.1:${await listen(server)}`
})
afterAll(() => server.close())

const probe = (provider: Omit<HttpProvider, 'type'>): Activity => ({ type: 'probe', name: 'http-probe', provider: { type: 'http', ...provider } })
const run = (provider: Omit<HttpProvider, 'type'>, extra: Partial<Parameters<typeof createProviderContext>[0]> = {}) =>
  httpProvider.run(probe(provider), createProviderContext({ signal: new AbortController().signal, ...extra }))

describe('http provider', () => {
  it('returns status, headers and a JSON body for an exact application/json response', async () => {
    const output = (await run({ url: `${base}/json` })) as { status: number; headers: Record<string, string>; body: unknown }
    expect(output.status).toBe(200)
    expect(output.body).toEqual({ ok: true, n: [1, 2] })
    expect(output.headers['Content-Type']).toBe('application/json')
  })

  it('keeps the body as text when the Content-Type is not exactly application/json', async () => {
    const output = (await run({ url: `${base}/json-charset` })) as { body: unknown }
    expect(output.body).toBe('{"ok":true}')
  })

  it('treats a 500 as output, not as a failure', async () => {
    expect(await run({ url: `${base}/boom` })).toEqual({ status: 500, headers: expect.objectContaining({ 'X-Trace': 'abc' }), body: 'kaput' })
  })

  it('sends GET arguments as the query string, lists repeated', async () => {
    seen = []
    await run({ url: `${base}/q?a=1`, arguments: { b: 'two words', c: [3, 4], d: null } })
    expect(seen[0]!.url).toBe('/q?a=1&b=two+words&c=3&c=4')
  })

  it('sends a JSON body only when Content-Type is exactly application/json', async () => {
    seen = []
    await run({ url: `${base}/p`, method: 'post', headers: { 'Content-Type': 'application/json' }, arguments: { a: 1, b: [true] } })
    await run({ url: `${base}/p`, method: 'POST', headers: { 'content-type': 'application/json' }, arguments: { a: 1 } })
    await run({ url: `${base}/p`, method: 'PUT', arguments: { a: 1, b: true } })
    await run({ url: `${base}/p`, method: 'POST', arguments: 'raw text' })
    expect(seen.map(({ method, body }) => [method, body])).toEqual([
      ['POST', '{"a":1,"b":[true]}'],
      ['POST', 'a=1'],
      ['PUT', 'a=1&b=True'],
      ['POST', 'raw text'],
    ])
    expect(seen[2]!.headers['content-type']).toBe('application/x-www-form-urlencoded')
  })

  it('substitutes url, headers and arguments from configuration and secrets', async () => {
    seen = []
    const configuration = { base, who: 'cfg' }
    const secrets = { auth: { token: 's3cret' } }
    await run({ url: '${base}/sub', headers: { Authorization: 'Bearer ${token}' }, arguments: { who: '$who' } }, { configuration, secrets })
    expect(seen[0]).toMatchObject({ url: '/sub?who=cfg', headers: { authorization: 'Bearer s3cret' } })
  })

  it('fails with "activity took too long to complete" on a read timeout', async () => {
    await expect(run({ url: `${base}/slow`, timeout: 0.2 })).rejects.toThrow(new ActivityFailedError('activity took too long to complete'))
    await expect(run({ url: `${base}/slow`, timeout: [1, 0.2] })).rejects.toThrow('activity took too long to complete')
  })

  it('fails with "failed to connect to <url>" when nothing listens, after max_retries more attempts', async () => {
    const closed = createServer()
    const port = await listen(closed)
    closed.close()
    const url = `http://127.0.0.1:${port}/x`
    await expect(run({ url, max_retries: 2 })).rejects.toThrow(new RegExp(`^failed to connect to ${url}: .*ECONNREFUSED`))
  })

  it('retries connection failures up to max_retries times', async () => {
    let connections = 0
    const hangUp = createNetServer((socket) => {
      connections++
      socket.destroy()
    })
    await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(hangUp.address() as AddressInfo).port}/`
    await expect(run({ url, max_retries: 2 })).rejects.toThrow(`failed to connect to ${url}: socket hang up`)
    hangUp.close()
    expect(connections).toBe(3)
  })

  it('rejects with InterruptedError when the run is interrupted mid-request', async () => {
    const controller = new AbortController()
    const pending = run({ url: `${base}/slow` }, { signal: controller.signal })
    setTimeout(() => controller.abort('SIGINT'), 100)
    await expect(pending).rejects.toBeInstanceOf(InterruptedError)
  })

  it('validates url and headers with chaoslib\'s messages', () => {
    const context = { path: '/steady-state-hypothesis/probes/0', catalog: {}, env: process.env }
    const issues = httpProvider.validate({ type: 'probe', name: 'p', provider: { type: 'http', headers: ['x'] } } as unknown as Activity, context)
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['/steady-state-hypothesis/probes/0/provider/url', 'a HTTP activity must have a URL'],
      ['/steady-state-hypothesis/probes/0/provider/headers', 'a HTTP activities expect headers as a mapping'],
    ])
  })
})

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    console.warn('https tests skipped: openssl is not on PATH to make a self-signed certificate')
    return false
  }
})()

describe.skipIf(!hasOpenssl)('http provider over https with a self-signed certificate (skipped when openssl is missing)', () => {
  let tls: Server
  let tlsBase = ''
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tls-'))
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' })
    tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, handle)
    tlsBase = `https://127.0.0.1:${await listen(tls)}`
  })
  afterAll(() => tls.close())

  it('refuses the certificate by default and accepts it with verify_tls: false', async () => {
    await expect(run({ url: `${tlsBase}/json` })).rejects.toThrow(/^failed to connect to https:\/\/127\.0\.0\.1:\d+\/json: .*certificate/)
    expect(await run({ url: `${tlsBase}/json`, verify_tls: false })).toMatchObject({ status: 200, body: { ok: true, n: [1, 2] } })
  })
})
