import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fault, http, steadyState } from '../authoring/index.js'
import { startCluster } from '../clusters/start-cluster.js'
import { istio } from '../drivers/istio/builders.js'
import { k8s } from '../drivers/kubernetes/builders.js'
import { startLoad } from '../drivers/load/start-load.js'
import { runInScope, type RunScope } from '../session/run-scope.js'
import '../vitest/setup.js'
import { closestName } from './closest-name.js'

const routes = [{ destination: { host: 'reviews', subset: 'v3' } }]

describe('options checked at run time', () => {
  it('names an unknown builder option and the closest valid one', () => {
    expect(() => k8s.drainNodes({ cont: 1 } as never)).toThrow("unknown k8s.drainNodes option 'cont' (did you mean 'count'?)")
    expect(() => k8s.podsInPhase({ labelSelector: 'app=x', namespace: 'bookinfo' } as never)).toThrow("unknown k8s.podsInPhase option 'namespace'; valid options: activityName, pauses, secrets, tolerance, labelSelector, phase, ns")
    expect(() => istio.removeDelayFault({ virtualservice: 'reviews', routes } as never)).toThrow(
      "unknown istio.removeDelayFault option 'virtualservice' (did you mean 'virtualService'?)\nistio.removeDelayFault option 'virtualService' is required (string)",
    )
    expect(() => http.probe('answers', { path: '/productpage', timout: '1s' } as never)).toThrow("unknown http.probe('answers') option 'timout' (did you mean 'timeout'?)")
  })

  it('says what type a builder option must have, down to nested keys', () => {
    expect(() => k8s.terminatePods({ qty: '2' } as never)).toThrow("k8s.terminatePods option 'qty' must be a number, got '2'")
    expect(() => k8s.terminatePods({ mode: 'percent' } as never)).toThrow("k8s.terminatePods option 'mode' must be one of 'fixed', 'percentage', got 'percent'")
    expect(() => istio.addDelayFault({ virtualService: 'reviews', routes, fixedDelay: 5 } as never)).toThrow("istio.addDelayFault option 'fixedDelay' must be an Istio duration such as '5s' or '100ms', got number 5")
    expect(() => k8s.drainNodes({ pauses: { afer: 20 } } as never)).toThrow("unknown pauses option 'afer' (did you mean 'after'?)")
    expect(() => istio.unsetFault({ virtualService: 'reviews', routes: [{ destination: { hots: 'reviews' } }] } as never)).toThrow("unknown destination option 'hots' (did you mean 'host'?)")
  })

  it('checks startLoad and startCluster before they start anything', async () => {
    expect(() => startLoad({ url: 'http://127.0.0.1:1', conections: 1 } as never)).toThrow("unknown startLoad option 'conections' (did you mean 'connections'?)")
    await expect(startCluster({ provder: 'kind' } as never)).rejects.toThrow("unknown startCluster option 'provder' (did you mean 'provider'?)")
    await expect(startCluster({ bookinfo: 'yes' } as never)).rejects.toThrow("startCluster option 'bookinfo' must be a boolean, got 'yes'")
    await expect(startCluster({ provider: 'nope' as never, env: process.env })).rejects.toThrow("unknown cluster provider 'nope'")
  })

  it('fails toMeetSlo on an unknown SLO key instead of ignoring it', () => {
    const report = { phases: { baseline: { durationMs: 1000, sent: 1, responses: 1, ok: 1, non2xx: 0, timeouts: 0, errors: 0, errorRate: 0, throughput: 1, latencyMs: { p50: 1, p90: 1, p99: 1, max: 1 }, statusCodes: {} } } }
    expect(() => expect(report).toMeetSlo({ p99s: '1s' } as never)).toThrow("unknown slo option 'p99s' (did you mean 'p99'?)")
    expect(() => expect(report).not.toMeetSlo({ p99s: '1s' } as never)).toThrow("unknown slo option 'p99s' (did you mean 'p99'?)")
  })

  describe('toStaySteadyDuring', () => {
    let dir: string
    let scope: RunScope
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'check-options-'))
      scope = { journalDir: dir, testName: 'typo', testPath: 'unit.test.ts', record: () => undefined }
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    it('fails on a typo in load or slo and runs nothing', () => runInScope(scope, async () => {
      const marker = join(dir, 'fault-ran')
      const app = steadyState('always', [{ type: 'probe', name: 'true', tolerance: 0, provider: { type: 'process', path: process.execPath, arguments: ['-e', '0'] } }])
      const touch = fault('write a marker', { actions: [{ type: 'action', name: 'touch', provider: { type: 'process', path: process.execPath, arguments: ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`] } }] })
      await expect(expect(app).toStaySteadyDuring(touch, { load: { conections: 10 } } as never)).rejects.toThrow("unknown load option 'conections' (did you mean 'connections'?)")
      await expect(expect(app).toStaySteadyDuring(touch, { slo: { p99: '1s', errorrate: 0 } } as never)).rejects.toThrow("unknown slo option 'errorrate' (did you mean 'errorRate'?)")
      await expect(expect(app).toStaySteadyDuring(touch, { recoverWithin: 'soon' } as never)).rejects.toThrow("toStaySteadyDuring option 'recoverWithin' must be a duration such as '500ms', '2s' or '1m', or a number, got 'soon'")
      expect(existsSync(marker)).toBe(false)
    }))
  })

  it('suggests a name only when it is close', () => {
    expect([closestName('conections', ['connections', 'rate']), closestName('speed', ['connections', 'rate']), closestName('P99', ['p99'])]).toEqual(['connections', undefined, 'p99'])
  })
})
