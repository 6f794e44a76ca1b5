import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActivityFunctionContext } from '../../experiment/activity-function.js'
import { ActivityFailedError } from '../../errors.js'
import { loadCatalog } from './catalog.js'
import type { LoadReport } from './load-types.js'

const functions = loadCatalog['vitest-chaos.load']!
const context = (signal = new AbortController().signal, logs: string[] = []): ActivityFunctionContext => ({ signal, log: (line) => logs.push(line), strict: true })

describe('the vitest-chaos.load catalog', () => {
  let server: Server
  let url: string
  let served = 0

  beforeAll(async () => {
    server = createServer((_req, res) => {
      served += 1
      res.end('ok')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('declares the Python-style signatures the module provider binds against', () => {
    expect(Object.keys(functions)).toEqual(['start_load', 'mark_load_phase', 'stop_load'])
    expect(functions.start_load).toMatchObject({ required: ['url'], params: ['url', 'path', 'connections', 'rate', 'duration', 'max_requests', 'timeout', 'headers', 'name'] })
    expect(functions.stop_load!.required).toEqual([])
  })

  it('runs start_load in the background, marks phases, and stop_load returns the report', async () => {
    const logs: string[] = []
    const background = functions.start_load!.run({ url, path: '/productpage', connections: 2, rate: 100, duration: 30, name: 'bg' }, context(undefined, logs)) as Promise<LoadReport>
    const before = served
    await expect.poll(() => served - before, { timeout: 5000, interval: 20 }).toBeGreaterThanOrEqual(10)
    expect(functions.mark_load_phase!.run({ phase: 'fault', name: 'bg' }, context())).toBe('fault')
    const stopped = (await functions.stop_load!.run({ name: 'bg' }, context())) as LoadReport
    expect(await background).toBe(stopped)
    expect(stopped).toMatchObject({ stoppedBy: 'stop', url: `${url}/productpage` })
    expect(stopped.marks.map((mark) => mark.phase)).toEqual(['baseline', 'fault'])
    expect(stopped.total.ok).toBeGreaterThanOrEqual(10)
    expect(JSON.parse(JSON.stringify(stopped))).toEqual(stopped)
    expect(logs).toEqual([`load 'bg' started on ${url}/productpage for at most 30 s`])
  })

  it('ends a background load when the run is interrupted', async () => {
    const controller = new AbortController()
    const background = functions.start_load!.run({ url, rate: 50, connections: 1 }, context(controller.signal)) as Promise<LoadReport>
    controller.abort()
    expect((await background).stoppedBy).toBe('signal')
    expect(() => functions.stop_load!.run({}, context())).toThrow(ActivityFailedError)
  })

  it('explains what is wrong with bad calls', async () => {
    expect(() => functions.stop_load!.run({ name: 'nope' }, context())).toThrow(
      "stop_load: no load named 'nope' is running (none is); start one with start_load, as a background activity",
    )
    expect(() => functions.mark_load_phase!.run({ phase: 'during' }, context())).toThrow(
      'mark_load_phase: phase must be one of baseline, fault, recovery, got "during"',
    )
    await expect(functions.start_load!.run({ url, connections: 'many' }, context())).rejects.toThrow(
      "start_load: argument 'connections' must be a number, got \"many\"",
    )
    const first = functions.start_load!.run({ url, rate: 20, connections: 1, name: 'twice' }, context()) as Promise<LoadReport>
    await expect(functions.start_load!.run({ url, name: 'twice' }, context())).rejects.toThrow(
      "start_load: a load named 'twice' is already running",
    )
    await functions.stop_load!.run({ name: 'twice' }, context())
    await first
  })
})
