import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ChaosError } from '../../errors.js'
import { startLoad } from './start-load.js'

type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void
const answer: Handler = (_req, res) => res.end('ok')

describe('startLoad against a local server', () => {
  let server: Server
  let url: string
  let handler: Handler = answer
  let served = 0
  let failed = 0
  let waiters: { count: number; resolve: () => void }[] = []

  /** Resolves once the server has seen `more` further requests. */
  const serverSees = (more: number) => new Promise<void>((resolve) => waiters.push({ count: served + more, resolve }))

  beforeAll(async () => {
    server = createServer((req, res) => {
      served += 1
      waiters = waiters.filter((waiter) => (served >= waiter.count ? (waiter.resolve(), false) : true))
      handler(req, res, served)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  beforeEach(() => {
    handler = answer
    failed = 0
  })

  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('counts every non-2xx the server sends, by status code', async () => {
    handler = (_req, res, count) => {
      if (count % 4 === 0) {
        failed += 1
        res.writeHead(500).end('boom')
      } else res.end('ok')
    }
    const before = served
    const load = startLoad({ url, path: '/x', connections: 4, overallRate: 200, maxRequests: 200 })
    const report = await load.finished
    expect(report.stoppedBy).toBe('max-requests')
    // the cap stops the sending; the requests in flight end and are counted, so the server and the report agree
    expect(served - before).toBe(200)
    expect(report.total).toMatchObject({ sent: 200, responses: 200, cut: 0, non2xx: failed })
    expect(report.total.statusCodes['500']).toBe(failed)
    expect(report.total.non2xx).toBe(50)
    expect(report.total.errorRate).toBeCloseTo(report.total.non2xx / 200, 10)
    expect(report.url).toBe(`${url}/x`)
  })

  it('sends exactly maxRequests, also when it is below the number of connections', async () => {
    const before = served
    const report = await startLoad({ url, connections: 10, maxRequests: 3 }).finished
    expect(served - before).toBe(3)
    expect(report).toMatchObject({ stoppedBy: 'max-requests', total: { sent: 3, ok: 3, cut: 0 } })
  })

  it('splits the figures into baseline, fault and recovery by when each request was sent', async () => {
    let faulty = false
    handler = (_req, res) => {
      if (!faulty) return void res.end('ok')
      setTimeout(() => res.writeHead(503).end('down'), 40)
    }
    const load = startLoad({ url, connections: 4, overallRate: 200 })
    await serverSees(60)
    load.mark('fault')
    faulty = true
    await serverSees(60)
    load.mark('recovery')
    faulty = false
    await serverSees(60)
    const report = await load.stop()
    const { baseline, fault, recovery } = report.phases
    expect(report.stoppedBy).toBe('stop')
    expect(report.marks.map((mark) => mark.phase)).toEqual(['baseline', 'fault', 'recovery'])
    // a request in flight across a mark can land on the other side: at most one per connection
    expect(baseline!.non2xx).toBeLessThanOrEqual(4)
    expect(recovery!.non2xx).toBeLessThanOrEqual(4)
    expect(fault!.non2xx).toBeGreaterThanOrEqual(fault!.sent - 4)
    expect(fault!.sent).toBeGreaterThanOrEqual(20)
    expect(fault!.latencyMs.p50).toBeGreaterThanOrEqual(39)
    expect(baseline!.latencyMs.p50).toBeLessThan(fault!.latencyMs.p50)
    expect(fault!.errorRate).toBeGreaterThan(0.8)
    expect(baseline!.sent + fault!.sent + recovery!.sent).toBe(report.total.sent)
  })

  it('counts unanswered requests as timeouts, outside the latency figures', async () => {
    handler = (_req, res, count) => {
      if (count % 10 !== 0) res.end('ok')
    }
    const load = startLoad({ url, connections: 5, overallRate: 50, timeoutMs: 1000, maxDurationMs: 2500 })
    const report = await load.finished
    expect(report.stoppedBy).toBe('max-duration')
    expect(report.total.timeouts).toBeGreaterThanOrEqual(1)
    expect(report.total.latencyMs.max).toBeLessThan(1000)
    const { sent, responses, timeouts, errors, cut } = report.total
    expect(responses + timeouts + errors + cut).toBe(sent)
    expect(report.total.errorRate).toBeCloseTo(timeouts / (sent - cut), 10)
  })

  it('counts every request sent exactly once when stop() drains the requests in flight', async () => {
    // every fifth request is dropped with its connection, the others answered after a while
    handler = (req, res, count) => {
      if (count % 5 === 0) return void req.socket.destroy()
      setTimeout(() => res.end('ok'), 20)
    }
    const before = served
    const load = startLoad({ url, connections: 4, overallRate: 200 })
    await serverSees(40)
    const report = await load.stop()
    const { sent, responses, timeouts, errors, cut } = report.total
    expect(served - before).toBe(sent)
    expect([responses + errors, timeouts, cut]).toEqual([sent, 0, 0])
    expect(errors).toBe(Math.floor(served / 5) - Math.floor(before / 5))
  })

  it('closes its connections when it ends', async () => {
    const load = startLoad({ url, connections: 3, overallRate: 100 })
    await serverSees(10)
    await load.stop()
    const openConnections = () => new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))))
    await expect.poll(openConnections, { timeout: 10_000, interval: 20 }).toBe(0)
  })

  it('counts the requests in flight as cut when the signal ends the load', async () => {
    handler = () => undefined
    const controller = new AbortController()
    const before = served
    const load = startLoad({ url, connections: 3, signal: controller.signal })
    await serverSees(3)
    controller.abort()
    const report = await load.finished
    expect(served - before).toBe(3)
    expect(report).toMatchObject({ stoppedBy: 'signal', total: { sent: 3, cut: 3, responses: 0, timeouts: 0, errors: 0, errorRate: 0 } })
    expect(report.phases.baseline!.cut).toBe(3)
  })

  it('keeps a per-second timeline whose counts add up to the totals', async () => {
    const ticks: number[] = []
    const load = startLoad({ url, connections: 2, overallRate: 100, maxDurationMs: 2200, onTick: (second) => ticks.push(second.requests) })
    const report = await load.finished
    expect(report.timeline.map((second) => second.second)).toEqual([0, 1, 2])
    expect(report.timeline.reduce((sum, second) => sum + second.requests, 0)).toBe(report.total.responses)
    expect(report.timeline[0]!.requests).toBeGreaterThanOrEqual(50)
    expect(ticks.length).toBeGreaterThanOrEqual(1)
    expect(ticks[0]).toBeGreaterThan(0)
  })

  it('is bounded: it stops on its own at the duration cap', async () => {
    const load = startLoad({ url, connections: 2, overallRate: 50, maxDurationMs: 1200 })
    const report = await load.finished
    expect(report.stoppedBy).toBe('max-duration')
    expect(report.durationMs).toBeGreaterThanOrEqual(1150)
    expect(await load.stop()).toBe(report)
  })

  it('stops on the abort signal', async () => {
    const controller = new AbortController()
    const load = startLoad({ url, connections: 2, overallRate: 100, signal: controller.signal })
    await expect.poll(() => load.sent, { timeout: 10_000, interval: 10 }).toBeGreaterThanOrEqual(10)
    controller.abort()
    const report = await load.finished
    expect(report.stoppedBy).toBe('signal')
    expect(report.total.sent).toBeGreaterThanOrEqual(10)
    expect(load.sent).toBe(report.total.sent)
  })

  it('counts refused connections as errors and still honours the request cap', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const report = await startLoad({ url: `http://127.0.0.1:${port}`, connections: 1, maxRequests: 50, maxDurationMs: 10_000 }).finished
    expect(report).toMatchObject({ stoppedBy: 'max-requests', total: { sent: 50, errors: 50, responses: 0, errorRate: 1 } })
  })
})

describe('startLoad options', () => {
  it('refuses values it cannot honour, naming the option', () => {
    expect(() => startLoad({ url: 'http://127.0.0.1:1', timeoutMs: 500 })).toThrow(
      new ChaosError('load: timeoutMs must be a number of at least 1000 (autocannon times requests out in seconds, from 1 s), got 500'),
    )
    expect(() => startLoad({ url: 'ftp://127.0.0.1' })).toThrow("load: url 'ftp://127.0.0.1' must be http:// or https://")
    expect(() => startLoad({ url: 'not a url' })).toThrow("load: url 'not a url' is not a URL")
    expect(() => startLoad({ url: 'http://127.0.0.1:1', maxRequests: 0 })).toThrow('load: maxRequests must be a number of at least 1, got 0')
  })
})
