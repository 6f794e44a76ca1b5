import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ratings } from '../workloads/bookinfo/ratings.js'
import type { InThreadHandler, ProgramContext, RunningProgram } from '../workloads/program.js'
import { Agent } from 'node:http'
import { Cancellation } from './cancellation.js'
import { forwardOnce } from './forward.js'
import type { MeshRequest } from './mesh-request.js'

const agent = new Agent({ keepAlive: true })
let program: RunningProgram

const context: ProgramContext = {
  podName: 'ratings-v1-abc',
  namespace: 'bookinfo',
  containerName: 'ratings',
  image: 'docker.io/istio/examples-bookinfo-ratings-v1:1.20.3',
  env: { HOSTNAME: 'ratings-v1-abc' },
  containerPorts: [9080],
  log: () => undefined,
  fetch: () => Promise.reject(new Error('ratings v1 calls nothing')),
  call: () => Promise.reject(new Error('ratings v1 calls nothing')),
}

const request = (method: string, path: string, body?: string): MeshRequest => ({
  method,
  scheme: 'http',
  authority: 'ratings:9080',
  path,
  query: new URLSearchParams(),
  headers: { 'x-request-id': 'r-1', connection: 'close' },
  ...(body === undefined ? {} : { body: Buffer.from(body) }),
})

const socketOnly = () => ({ host: '127.0.0.1' as const, port: program.ports[9080]! })
const inThread = () => ({ ...socketOnly(), inThread: program.inThread![9080]! })
const withoutDate = (headers: Record<string, unknown>) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'date'))

beforeAll(async () => {
  program = await ratings(context)
})

afterAll(() => {
  agent.destroy()
})

describe('a try against a program in the cluster thread', () => {
  it('gets exactly the answer its loopback port gives: status, headers as a client parses them, body; a POST body arrives', async () => {
    for (const [method, path, body] of [['GET', '/ratings/7'], ['POST', '/ratings/8', '{"Reviewer1":1}'], ['GET', '/ratings/8'], ['GET', '/nope'], ['HEAD', '/health']] as const) {
      const overSocket = await forwardOnce(socketOnly(), request(method, path, body), { agent })
      const direct = await forwardOnce(inThread(), request(method, path, body), { agent })
      expect(direct.kind).toBe('response')
      if (direct.kind !== 'response' || overSocket.kind !== 'response') throw new Error('both tries should be answered')
      expect(direct.response.status).toBe(overSocket.response.status)
      expect(withoutDate(direct.response.headers)).toEqual(withoutDate(overSocket.response.headers))
      expect(direct.response.headers.date).toMatch(/ GMT$/)
      expect(direct.response.body.toString()).toBe(overSocket.response.body.toString())
    }
  })

  it('times out after the per-try deadline, and rejects with the reason when the caller aborts', async () => {
    const silent: InThreadHandler = () => new Promise(() => undefined)
    const address = { host: '127.0.0.1' as const, port: 1, inThread: silent }
    expect(await forwardOnce(address, request('GET', '/ratings/1'), { agent, timeoutMs: 5 })).toEqual({ kind: 'timeout' })
    const caller = new Cancellation()
    const pending = forwardOnce(address, request('GET', '/ratings/1'), { agent, cancellation: caller })
    caller.abort(new Error('the client went away'))
    await expect(pending).rejects.toThrow('the client went away')
  })

  it('a program that drops the answer is a reset; a stopped program refuses, as its closed port does', async () => {
    const dropping: InThreadHandler = () => Promise.resolve('reset')
    expect(await forwardOnce({ host: '127.0.0.1', port: 1, inThread: dropping }, request('GET', '/'), { agent })).toEqual({ kind: 'reset' })
    const address = inThread()
    await program.stop()
    expect(await forwardOnce(address, request('GET', '/ratings/1'), { agent })).toEqual({ kind: 'connect-failure' })
    expect(await forwardOnce(socketOnly(), request('GET', '/ratings/1'), { agent })).toEqual({ kind: 'connect-failure' })
  })
})
