// Upgrade requests on pods, with a real WebSocket client and raw sockets: exec's recorded answer (26), refusals, hostile bytes.
import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startTestApiServer, TEST_TOKEN, type TestApiServer } from '../../../../fixtures/apiserver/start-test-api-server.js'

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec: { nodeName: 'chaos-worker', containers: [{ name: 'agnhost', image: 'agnhost' }] },
  status: { phase: 'Running' },
}

/** The raw HTTP answer to an upgrade request written by hand. */
const rawExchange = (url: string, head: string, after?: Buffer): Promise<string> =>
  new Promise((resolve, reject) => {
    const { port } = new URL(url)
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(head)
      if (after) socket.write(after)
    })
    let text = ''
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')))
    socket.on('close', () => resolve(text))
    socket.on('error', reject)
    setTimeout(() => socket.end(), 500).unref()
  })

describe('pod upgrades: exec, attach and port-forward', () => {
  let t: TestApiServer
  beforeEach(async () => {
    t = await startTestApiServer()
    t.store.create('pods', POD)
  })
  afterEach(() => t.close())

  it('exec over v5.channel.k8s.io: 101, an empty stdout frame, the Status on channel 3, close 1000 (recording 26)', async () => {
    const url = `${t.server.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/web/exec?command=echo&command=hi&container=agnhost&stderr=true&stdout=true`
    const ws = new WebSocket(url, ['v5.channel.k8s.io'], { headers: { Authorization: `Bearer ${TEST_TOKEN}` } })
    const frames: Buffer[] = []
    ws.on('message', (data: Buffer) => frames.push(data))
    const closed = await new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    expect(ws.protocol).toBe('v5.channel.k8s.io')
    expect(closed).toBe(1000)
    expect(frames[0]).toEqual(Buffer.from([1]))
    expect(frames[1]![0]).toBe(3)
    const cause = 'error sending request: Post "https://chaos-worker:10250/exec/default/web/agnhost?command=echo&command=hi&error=1&output=1": dial tcp 127.0.0.1:10250: connect: connection refused'
    expect(JSON.parse(frames[1]!.subarray(1).toString('utf8'))).toEqual({ metadata: {}, status: 'Failure', message: `Internal error occurred: ${cause}`, reason: 'InternalError', details: { causes: [{ message: cause }] }, code: 500 })
  })

  it('refuses without a token (401), for a missing pod (404) and for a pod without a node (400)', async () => {
    const upgrade = (path: string, auth = true) =>
      rawExchange(t.server.url, `POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\n${auth ? `Authorization: Bearer ${TEST_TOKEN}\r\n` : ''}Content-Length: 0\r\n\r\n`)
    expect(await upgrade('/api/v1/namespaces/default/pods/web/portforward', false)).toMatch(/^HTTP\/1\.1 401 /)
    const missing = await upgrade('/api/v1/namespaces/default/pods/nope/portforward')
    expect(missing).toMatch(/^HTTP\/1\.1 404 /)
    expect(missing).toContain('"message":"pods \\"nope\\" not found"')
    t.store.create('pods', { ...POD, metadata: { name: 'pending', namespace: 'default' }, spec: { containers: POD.spec.containers } })
    expect(await upgrade('/api/v1/namespaces/default/pods/pending/portforward')).toContain('pod pending does not have a host assigned')
  })

  it('answers SPDY/3.1 with 101 and survives hostile frames: the server keeps serving', async () => {
    const head = `POST /api/v1/namespaces/default/pods/web/portforward HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nContent-Length: 0\r\n\r\n`
    const garbage = Buffer.concat([Buffer.from([0x80, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0c]), Buffer.alloc(12, 0xff), Buffer.alloc(64, 0x41)])
    const answer = await rawExchange(t.server.url, head, garbage)
    expect(answer).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY\/3\.1\r\nX-Stream-Protocol-Version: portforward\.k8s\.io\r\n/)
    expect((await t.request('GET', '/api/v1/namespaces/default/pods/web')).status).toBe(200)
  })
})
