import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, aroundEach, beforeAll, describe, expect, it } from 'vitest'
import { fault, http, steadyState } from '../authoring/index.js'
import type { Action } from '../experiment/types.js'
import '../vitest/setup.js'
import { runInScope, type RunScope } from '../session/run-scope.js'
import type { ChaosRunRecord } from '../session/chaos-run-record.js'

// a real local service whose health the fault flips: POST /break → 503s, POST /fix → 200s;
// POST /await-failures answers once the service has answered FAILURES_IN_FAULT GETs with 503 since the break
const FAILURES_IN_FAULT = 5
let server: Server
let url: string
let broken = false
let failedAnswers = 0
const awaitingFailures: Array<() => void> = []
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/await-failures') {
      const answer = () => (failedAnswers >= FAILURES_IN_FAULT ? void response.end('seen') : awaitingFailures.push(answer))
      return answer()
    }
    if (request.method === 'POST') {
      broken = request.url === '/break'
      failedAnswers = 0
    }
    if (broken && request.method === 'GET') failedAnswers += 1
    response.writeHead(broken && request.method === 'GET' ? 503 : 200).end(broken ? 'down' : 'ok')
    if (failedAnswers >= FAILURES_IN_FAULT) for (const wake of awaitingFailures.splice(0)) wake()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

let scope: RunScope
const runs: ChaosRunRecord[] = []
aroundEach(async (runTest) => {
  broken = false
  runs.length = 0
  scope = { journalDir: await mkdtemp(join(tmpdir(), 'stay-steady-')), testName: 'stay steady', testPath: 'unit.test.ts', record: (run) => runs.push(run) }
  try {
    await runInScope(scope, runTest)
  } finally {
    await rm(scope.journalDir!, { recursive: true, force: true })
  }
})

const post = (name: string, path: string): Action => ({ type: 'action', name, provider: { type: 'http', url: `${url}${path}`, method: 'POST' } })
const serviceAnswers = () => steadyState('the service answers', [http.probe('service-answers', { url: `${url}/`, timeout: '1s' })])
const breakService = () => fault('break the service', { actions: [post('break', '/break')], rollbacks: [post('fix', '/fix')], pauses: { after: '500ms' } })
// the fault lasts until the load has met it, however slowly a loaded machine sends the requests
const breakServiceUnderLoad = () => fault('break the service', { actions: [post('break', '/break'), post('await-failures', '/await-failures')], rollbacks: [post('fix', '/fix')] })

// eslint-disable-next-line no-control-regex
const normalise = (text: string) => text.replace(/\u001b\[\d+m/g, '').replace(scope.journalDir!, '<dir>').replace(/\d+(\.\d+)?(ms|s)\b/g, 'T').replace(/ {2,}\d+ req\/s/g, ' N req/s').replace(/\(\d+\/\d+\)/g, '(n/N)').replace(/\b\d+\.\d+%/g, 'P%')

const failureOf = async (assertion: () => Promise<unknown>): Promise<string> => {
  try {
    await assertion()
  } catch (error) {
    return normalise((error as Error).message)
  }
  throw new Error('the assertion passed')
}

describe('toStaySteadyDuring', () => {
  it('fails with the probe, the recovery, the SLO breaches per phase and the journal path, and always rolls back', async () => {
    const message = await failureOf(() =>
      expect(serviceAnswers()).toStaySteadyDuring(breakServiceUnderLoad(), { load: { url, connections: 2, rate: 40, baseline: '500ms' }, slo: { errorRate: 0 }, recoverWithin: '1s' }),
    )
    expect(message).toMatchInlineSnapshot(`
      "expect(steadyState).toStaySteadyDuring(fault)

      Expected "the service answers" to stay steady during "break the service", but the hypothesis no longer held after the fault; it did not recover within T; SLO missed, during fault: error rate P% (n/N) > P%; SLO missed, recovery: error rate P% (n/N) > P%.
      Status: completed, deviated: true (The system deviated: the steady-state hypothesis was not met after the method (probe 'service-answers' was not within its tolerance).)
      Hypothesis: probe "service-answers" after the method returned status 503, body "down"; tolerance 200
      Recovery: the hypothesis did not hold again in time
      Load:
        baseline N req/s  p50 T  p99 T  max T  errors P% (n/N)
        during fault N req/s  p50 T  p99 T  max T  errors P% (n/N)
        recovery N req/s  p50 T  p99 T  max T  errors P% (n/N)
      Journal: <dir>/unit/stay-steady.json"
    `)
    expect(broken).toBe(false)
    const phases = runs[0]!.load!.phases
    expect([phases.baseline!.errorRate, phases.fault!.errorRate > 0.5, phases.recovery!.errorRate]).toEqual([0, true, 1])
    expect(runs.map((run) => [run.verdict, run.recoverySeconds, run.journal.rollbacks.map((r) => r.status)])).toEqual([['deviated', null, ['succeeded']]])
  })

  it('passes under .not when the system deviates', async () => {
    await expect(serviceAnswers()).not.toStaySteadyDuring(breakService())
    expect(runs[0]!.verdict).toBe('deviated')
  })

  it('measures the recovery when the system heals itself', async () => {
    const blip = fault('break the service for a moment', {
      actions: [post('break', '/break'), { ...post('fix', '/fix'), background: true, pauses: { before: 0.3 } }],
    })
    await expect(serviceAnswers()).toStaySteadyDuring(blip, { recoverWithin: '5s', recoveryInterval: '50ms' })
    expect(runs[0]!.recoverySeconds).toBeLessThan(5)
  })

  it('fails with or without .not when the hypothesis did not hold before the fault', async () => {
    broken = true
    const expected = 'but the hypothesis did not hold before the fault, so the fault was not applied.'
    expect(await failureOf(() => expect(serviceAnswers()).toStaySteadyDuring(breakService()))).toContain(expected)
    broken = true
    expect(await failureOf(() => expect(serviceAnswers()).not.toStaySteadyDuring(breakService()))).toContain(expected)
  })
})
