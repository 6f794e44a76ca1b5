import { describe, expect, it } from 'vitest'
import type { Journal, Run } from '../journal/types.js'
import { toBeSteady, toHaveDeviated } from './journal-verdict-matchers.js'
import { toMeetSlo } from './to-meet-slo.js'
import { toRecoverWithin } from './to-recover-within.js'
import type { LoadReportLike, PhaseFigures } from '../session/load-report.js'
import '../vitest/matcher-types.js'

expect.extend({ toBeSteady, toHaveDeviated, toRecoverWithin, toMeetSlo })


const pageProbe = (output: unknown, met: boolean, end = '2026-11-26T10:00:30.000000+00:00'): Run => ({
  activity: { type: 'probe', name: 'product-page-answers', tolerance: 200, provider: { type: 'http', url: '${product_page_url}/productpage', timeout: 1 } },
  output,
  status: 'succeeded',
  start: '2026-11-26T10:00:29.500000+00:00',
  end,
  duration: 0.5,
  tolerance_met: met,
})

const journalOf = (after: Run, extension: Journal['vitest-chaos'] = { mode: 'strict' }): Journal => ({
  'chaoslib-version': '1.45.0',
  platform: 'linux',
  node: 'test',
  experiment: { title: 'bookinfo survives a node drain', description: 'd', method: [] },
  start: '2026-11-26T10:00:00.000000+00:00',
  end: '2026-11-26T10:00:31.000000+00:00',
  duration: 31,
  status: 'completed',
  deviated: !after.tolerance_met,
  steady_states: {
    before: { steady_state_met: true, probes: [pageProbe({ status: 200, headers: {}, body: 'ok' }, true)] },
    after: { steady_state_met: after.tolerance_met ?? null, probes: [after] },
    during: [],
  },
  run: [
    {
      activity: { type: 'action', name: 'drain-nodes', provider: { type: 'python', module: 'chaosk8s.node.actions', func: 'drain_nodes' } },
      output: ['node-2'],
      status: 'succeeded',
      start: '2026-11-26T10:00:01.000000+00:00',
      end: '2026-11-26T10:00:27.000000+00:00',
      duration: 6,
    },
  ],
  rollbacks: [],
  'vitest-chaos': extension,
})

const steady = journalOf(pageProbe({ status: 200, headers: {}, body: 'ok' }, true))
const deviated = journalOf(pageProbe({ status: 503, headers: {}, body: 'upstream connect error' }, false), {
  mode: 'strict',
  journalPath: '.chaos/journals/e2e-drain/survives.json',
})

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string): string => text.replace(/\u001b\[\d+m/g, '')

const failureOf = async (assertion: () => unknown): Promise<string> => {
  try {
    await assertion()
  } catch (error) {
    return stripAnsi((error as Error).message)
  }
  throw new Error('the assertion passed')
}

describe('toBeSteady and toHaveDeviated', () => {
  it('pass on the journal they describe, and .not inverts them', () => {
    expect(steady).toBeSteady()
    expect(deviated).toHaveDeviated()
    expect(deviated).not.toBeSteady()
    expect(steady).not.toHaveDeviated()
  })

  it('name the probe, its value, its tolerance and the journal path when a run deviated', async () => {
    expect(await failureOf(() => expect(deviated).toBeSteady())).toMatchInlineSnapshot(`
      "expect(journal).toBeSteady()

      Expected "bookinfo survives a node drain" to stay steady, but it did not.
      Status: completed, deviated: true
      Hypothesis: probe "product-page-answers" after the method returned status 503, body "upstream connect error"; tolerance 200
      Journal: .chaos/journals/e2e-drain/survives.json"
    `)
  })

  it('word the .not failure', async () => {
    expect(await failureOf(() => expect(steady).toHaveDeviated())).toMatchInlineSnapshot(`
      "expect(journal).toHaveDeviated()

      Expected "bookinfo survives a node drain" to deviate, but it did not.
      Status: completed, deviated: false"
    `)
  })

  it('fail on anything that is not a journal, with or without .not', async () => {
    expect(await failureOf(() => expect({ status: 'ok' }).not.toBeSteady())).toContain('Expected a Chaos Toolkit journal (the result of runExperiment), received')
    expect(await failureOf(() => expect(42).toHaveDeviated())).toContain('received 42')
  })
})

describe('toRecoverWithin', () => {
  it('uses the measured recovery when the run recorded one', async () => {
    const measured = journalOf(pageProbe({ status: 200 }, true), { mode: 'strict', recovery: { seconds: 4.2, within: 30 } })
    expect(measured).toRecoverWithin('5s')
    expect(await failureOf(() => expect(measured).toRecoverWithin('4s'))).toMatchInlineSnapshot(`
      "expect(journal).toRecoverWithin(4s)

      Expected "bookinfo survives a node drain" to recover within 4s, but it recovered after 4.2s.
      Status: completed, deviated: false"
    `)
  })

  it('otherwise bounds it by the end of the after-hypothesis, and fails when it never held again', async () => {
    expect(steady).toRecoverWithin('3s')
    expect(steady).not.toRecoverWithin('2s')
    expect(await failureOf(() => expect(deviated).toRecoverWithin('1m'))).toContain('to recover within 1m 0s, but it did not recover.')
  })
})

const figures = (sent: number, non2xx: number, throughput: number, p50: number, p99: number, max: number): PhaseFigures => ({
  durationMs: (sent / throughput) * 1000,
  sent,
  responses: sent,
  cut: 0,
  ok: sent - non2xx,
  non2xx,
  timeouts: 0,
  errors: 0,
  errorRate: non2xx / sent,
  throughput,
  latencyMs: { p50, p90: p99, p99, max },
  statusCodes: { '200': sent - non2xx, ...(non2xx && { '503': non2xx }) },
})

describe('toMeetSlo', () => {
  const report: LoadReportLike = {
    phases: {
      baseline: figures(2000, 0, 400, 4, 12, 30),
      fault: figures(1900, 19, 380, 9, 640, 1100),
      recovery: figures(800, 0, 400, 4, 14, 22),
    },
  }

  it('passes when every phase meets the objective', () => {
    expect(report).toMeetSlo({ p99: '1s', errorRate: 0.02, minThroughput: 300 })
    expect(report).not.toMeetSlo({ p99: '500ms' })
    expect(report).toMeetSlo({ p99: '500ms', errorRate: 0, phases: ['baseline', 'recovery'] })
  })

  it('lists each breach by phase with the load figures', async () => {
    expect(await failureOf(() => expect(report).toMeetSlo({ p99: '500ms', errorRate: 0, minThroughput: 390 }))).toMatchInlineSnapshot(`
      "expect(loadReport).toMeetSlo(slo)

      Expected the load to meet the SLO, but:
        during fault: p99 640ms > 500ms
        during fault: error rate 1.00% (19/1900) > 0.00%
        during fault: throughput 380.0 req/s < 390 req/s
      Load:
        baseline        400 req/s  p50 4ms  p99 12ms  max 30ms  errors 0.0% (0/2000)
        during fault    380 req/s  p50 9ms  p99 640ms  max 1.1s  errors 1.0% (19/1900)
        recovery        400 req/s  p50 4ms  p99 14ms  max 22ms  errors 0.0% (0/800)"
    `)
  })
})
