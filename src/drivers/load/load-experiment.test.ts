// The docs/load.md experiment shape, run by the engine: start_load in the background, phases marked, stop_load.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Experiment, JsonValue } from '../../experiment/types.js'
import { runExperiment } from '../../run/run-experiment.js'
import { loadCatalog } from './catalog.js'
import type { LoadReport } from './load-types.js'

describe('the load catalog inside an experiment', () => {
  let server: Server
  let url: string
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('records the load report as the background activity output, split by the marked phases', async () => {
    const load = (func: string, args: Record<string, JsonValue> = {}) => ({ type: 'python' as const, module: 'vitest-chaos.load', func, arguments: args })
    const experiment: Experiment = {
      title: 'load during a fault',
      description: 'start_load in the background, mark the fault phase, stop the load',
      method: [
        { type: 'action', name: 'load-the-service', background: true, provider: load('start_load', { url, path: '/productpage', rate: 50, connections: 2, duration: 60 }) },
        { type: 'action', name: 'fault-phase', provider: load('mark_load_phase', { phase: 'fault' }), pauses: { before: 1.5, after: 1.5 } },
        { type: 'action', name: 'stop-the-load', provider: load('stop_load') },
      ],
    }
    const journal = await runExperiment(experiment, { mode: 'strict', catalog: loadCatalog })
    expect(journal.status).toBe('completed')
    const byName = Object.fromEntries(journal.run.map((run) => [run.activity.name, run]))
    expect(byName['load-the-service']!.status).toBe('succeeded')
    expect(byName['fault-phase']!.output).toBe('fault')
    const report = byName['load-the-service']!.output as LoadReport
    expect(byName['stop-the-load']!.output).toEqual(report)
    expect(report).toMatchObject({ url: `${url}/productpage`, stoppedBy: 'stop' })
    expect(report.marks.map((mark) => mark.phase)).toEqual(['baseline', 'fault'])
    expect(report.phases.baseline!.ok).toBeGreaterThanOrEqual(10)
    expect(report.phases.fault!.ok).toBeGreaterThanOrEqual(10)
    expect(report.total.errorRate).toBe(0)
  })
})
