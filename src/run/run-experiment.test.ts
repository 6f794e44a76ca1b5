import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { call, createTestCatalog, experimentWith, type TestSystem } from '../../fixtures/engine/test-catalog.js'
import type { Activity, Experiment, Probe } from '../experiment/types.js'
import type { Journal } from '../journal/types.js'
import { runExperiment } from './run-experiment.js'
import type { RunOptions } from './run-options.js'

let system: TestSystem
beforeEach(() => {
  system = { healthy: true, calls: [] }
})
const run = (experiment: Experiment, options: RunOptions = {}) => runExperiment(experiment, { catalog: createTestCatalog(system), ...options })
const failingProbe = (name: string): Probe => ({ ...call('probe', name, 'fail'), tolerance: true }) as Probe
const names = (runs: Journal['run']) => runs.map((record) => [record.activity.name, record.status])

describe('runExperiment: outcomes (compatible mode)', () => {
  it('completes, not deviated, with rollbacks played when the hypothesis holds before and after', async () => {
    const journal = await run(experimentWith({ method: [call('probe', 'look', 'is_healthy')] }))
    expect(journal).toMatchObject({ status: 'completed', deviated: false, 'chaoslib-version': '1.45.0' })
    expect(journal.steady_states.before?.steady_state_met).toBe(true)
    expect(journal.steady_states.after?.steady_state_met).toBe(true)
    expect(names(journal.rollbacks)).toEqual([['fix-the-system', 'succeeded']])
    expect(journal['vitest-chaos']).toMatchObject({ mode: 'compatible', reason: 'Every phase ran and the steady-state hypothesis held.' })
  })

  it('before-hypothesis tolerance miss: completed, not deviated, method skipped, rollbacks played', async () => {
    system.healthy = false
    const journal = await run(experimentWith({}))
    expect(journal).toMatchObject({ status: 'completed', deviated: false, run: [] })
    expect(journal.steady_states.before).toMatchObject({ steady_state_met: false, probes: [{ status: 'succeeded', tolerance_met: false, output: false }] })
    expect(journal.steady_states.after).toBeNull()
    expect(names(journal.rollbacks)).toEqual([['fix-the-system', 'succeeded']])
    expect(system.calls).not.toContain('break_it')
    expect(journal['vitest-chaos']?.reason).toMatch(/not met before the method.*'system-is-healthy' was not within its tolerance/)
  })

  it('before-hypothesis probe failure: failed, rollbacks not played under default', async () => {
    const journal = await run(experimentWith({ 'steady-state-hypothesis': { title: 'h', probes: [failingProbe('p')] } }))
    expect(journal).toMatchObject({ status: 'failed', deviated: false, run: [], rollbacks: [] })
    expect(journal.steady_states.before?.probes[0]).toMatchObject({ status: 'failed', tolerance_met: false, output: null })
    expect(journal.steady_states.before?.probes[0]?.exception?.at(-1)).toBe('ActivityFailedError: Error: kaboom\n')
  })

  it('after-hypothesis tolerance miss: completed and deviated, rollbacks played', async () => {
    const journal = await run(experimentWith({}))
    expect(journal).toMatchObject({ status: 'completed', deviated: true })
    expect(journal.steady_states.after?.steady_state_met).toBe(false)
    expect(names(journal.rollbacks)).toEqual([['fix-the-system', 'succeeded']])
  })

  it('after-hypothesis miss with a failed probe: failed and deviated, no rollbacks under default', async () => {
    const failing = failingProbe('checker')
    const experiment = experimentWith({ 'steady-state-hypothesis': { title: 'h', probes: [failing] }, runtime: { hypothesis: { strategy: 'after-method-only' } } })
    const journal = await run(experiment)
    expect(journal).toMatchObject({ status: 'failed', deviated: true, rollbacks: [] })
    expect(journal.steady_states.before).toBeNull()
  })

  it('a failed action does not fail the experiment and the method goes on', async () => {
    const journal = await run(experimentWith({ method: [call('action', 'will-fail', 'fail'), call('probe', 'look', 'is_healthy')] }))
    expect(journal).toMatchObject({ status: 'completed', deviated: false })
    expect(names(journal.run)).toEqual([['will-fail', 'failed'], ['look', 'succeeded']])
    expect(journal.run[0]).toMatchObject({ output: null, exception: expect.arrayContaining(['ActivityFailedError: Error: kaboom\n']) })
  })

  it('an unexpected error aborts: partial record without status, after-hypothesis skipped, rollbacks played', async () => {
    const missing: Activity = { type: 'action', name: 'missing-tool', provider: { type: 'process', path: '/nonexistent/tool', arguments: ['x'] } }
    const journal = await run(experimentWith({ method: [missing, call('action', 'never', 'break_it')] }))
    expect(journal.status).toBe('aborted')
    expect(journal.run).toHaveLength(1)
    expect(journal.run[0]).not.toHaveProperty('status')
    expect(journal.steady_states.after).toBeNull()
    expect(names(journal.rollbacks)).toEqual([['fix-the-system', 'succeeded']])
    expect(journal['vitest-chaos']?.reason).toContain("could not start '/nonexistent/tool'")
  })

  it('a missing rollback ref is logged and skipped; the next rollback runs (strict: the run fails)', async () => {
    const experiment = experimentWith({ method: [], rollbacks: [{ ref: 'nope' }, call('action', 'fix', 'fix_it')] })
    const compatible = await run(experiment)
    expect(compatible.status).toBe('completed')
    expect(names(compatible.rollbacks)).toEqual([['fix', 'succeeded']])
    const strict = await run(experiment, { mode: 'strict' })
    expect(strict.status).toBe('failed')
    expect(strict['vitest-chaos']?.reason).toContain("could not find referenced activity 'nope'")
  })

  it('a missing method ref aborts the run, as chaoslib does', async () => {
    const journal = await run(experimentWith({ method: [{ ref: 'nope' }] }))
    expect(journal.status).toBe('aborted')
    expect(journal['vitest-chaos']?.reason).toContain("could not find referenced activity 'nope'")
  })
})

describe('runExperiment: rollback strategies', () => {
  const cases: [RunOptions['rollbackStrategy'], boolean, number][] = [
    ['never', true, 0], ['deviated', true, 1], ['always', false, 1], ['default', false, 1],
  ]
  it.each(cases)('%s with deviated=%s plays %i rollback(s)', async (strategy, deviate, expected) => {
    const method = deviate ? [call('action', 'break', 'break_it')] : [call('probe', 'look', 'is_healthy')]
    const journal = await run(experimentWith({ method }), { rollbackStrategy: strategy })
    expect(journal.deviated).toBe(deviate)
    expect(journal.rollbacks).toHaveLength(expected)
  })

  it("accepts the 'continously' spelling in runtime and refuses an unknown strategy before running", async () => {
    const journal = await run(experimentWith({ method: [], runtime: { hypothesis: { strategy: 'continously' as never } } }), { hypothesisFrequency: 0.05 })
    expect(journal.steady_states.during.length).toBeGreaterThanOrEqual(1)
    await expect(run(experimentWith({ runtime: { rollbacks: { strategy: 'sometimes' as never } } }))).rejects.toThrow("Unknown strategy 'sometimes'")
    expect(system.calls.filter((name) => name === 'break_it')).toEqual([])
  })

  it('deviated strategy skips rollbacks when nothing deviated', async () => {
    const journal = await run(experimentWith({ method: [] }), { rollbackStrategy: 'deviated' })
    expect(journal.rollbacks).toEqual([])
  })

  it("takes both strategies from the experiment's runtime block, a missing one meaning default", async () => {
    const journal = await run(experimentWith({ runtime: { rollbacks: { strategy: 'never' } } }))
    expect(journal.rollbacks).toEqual([])
    expect(journal.steady_states.before).not.toBeNull()
  })
})

describe('runExperiment: strict mode', () => {
  it('a failed action fails the run, stops the method, still checks the after-hypothesis and plays rollbacks', async () => {
    const journal = await run(experimentWith({ method: [call('action', 'will-fail', 'fail'), call('action', 'break', 'break_it')] }), { mode: 'strict' })
    expect(journal).toMatchObject({ status: 'failed', deviated: false, 'vitest-chaos': { mode: 'strict' } })
    expect(names(journal.run)).toEqual([['will-fail', 'failed']])
    expect(journal.steady_states.after?.steady_state_met).toBe(true)
    expect(names(journal.rollbacks)).toEqual([['fix-the-system', 'succeeded']])
    expect(journal['vitest-chaos']?.reason).toBe("The action 'will-fail' failed: ActivityFailedError: Error: kaboom.")
  })

  it('plays rollbacks even after a failed hypothesis probe, and a failed rollback fails the run', async () => {
    const failing = failingProbe('checker')
    const journal = await run(experimentWith({ 'steady-state-hypothesis': { title: 'h', probes: [failing] }, rollbacks: [call('action', 'bad-rollback', 'fail'), call('action', 'fix', 'fix_it')] }), { mode: 'strict' })
    expect(journal.status).toBe('failed')
    expect(names(journal.rollbacks)).toEqual([['bad-rollback', 'failed'], ['fix', 'succeeded']])
  })

  it('a before-hypothesis miss is a failed run', async () => {
    system.healthy = false
    const journal = await run(experimentWith({}), { mode: 'strict' })
    expect(journal).toMatchObject({ status: 'failed', deviated: false, run: [] })
  })
})

describe('runExperiment: tolerances that cannot be evaluated', () => {
  const regexOnDict = { ...call('probe', 'status-dict', 'mark', { arguments: { label: { status: 200 } } }), tolerance: { type: 'regex', pattern: 'ok' } } as Probe

  it('compatible: the run is aborted (Chaos Toolkit crashes) and rollbacks still play by default', async () => {
    const journal = await run(experimentWith({ 'steady-state-hypothesis': { title: 'h', probes: [regexOnDict] } }))
    expect(journal.status).toBe('aborted')
    expect(journal.run).toEqual([])
    expect(journal.rollbacks).toHaveLength(1)
    expect(journal['vitest-chaos']?.reason).toMatch(/^The run stopped on an unexpected error: /)
  })

  it('strict: the probe is failed, with the error recorded, and the run is failed', async () => {
    const journal = await run(experimentWith({ 'steady-state-hypothesis': { title: 'h', probes: [regexOnDict] } }), { mode: 'strict' })
    expect(journal.status).toBe('failed')
    expect(journal.steady_states.before?.probes[0]).toMatchObject({ status: 'failed', tolerance_met: false })
    expect(journal.steady_states.before?.probes[0]?.exception?.at(-1)).toMatch(/^ActivityFailedError: /)
  })

  it('a probe tolerance runs its probe with the output as `value`, without a journal entry of its own', async () => {
    const tolerance = { type: 'probe', name: 'is-42', provider: { type: 'python', module: 'tests.system', func: 'is_answer', arguments: {} } }
    const answer = (label: number) => ({ ...call('probe', 'answer', 'mark', { arguments: { label } }), tolerance }) as Probe
    const met = await run(experimentWith({ 'steady-state-hypothesis': { title: 'h', probes: [answer(42)] }, method: [] }))
    expect(met.steady_states.before).toMatchObject({ steady_state_met: true, probes: [{ output: 42, tolerance_met: true }] })
    expect(met.steady_states.before?.probes).toHaveLength(1)
    const missed = await run(experimentWith({ 'steady-state-hypothesis': { title: 'h', probes: [answer(41)] }, method: [] }))
    expect(missed.steady_states.before?.steady_state_met).toBe(false)
    expect(system.calls).toEqual(expect.arrayContaining(['is_answer 42', 'is_answer 41']))
  })
})

describe('runExperiment: configuration, refs, pauses, dry', () => {
  it('runs refs to hypothesis probes and substitutes configuration into arguments and title', async () => {
    const experiment = experimentWith({
      title: 'check ${what}',
      configuration: { what: 'refs', label: { type: 'env', key: 'ENGINE_TEST_LABEL' } },
      method: [{ ref: 'system-is-healthy' }, call('action', 'mark', 'mark', { arguments: { label: '${label}' } })],
    })
    const journal = await run(experiment, { env: { ENGINE_TEST_LABEL: 'from-env' } })
    expect(journal.experiment.title).toBe('check refs')
    expect(names(journal.run)).toEqual([['system-is-healthy', 'succeeded'], ['mark', 'succeeded']])
    expect(journal.run[1]?.output).toBe('from-env')
  })

  it('resolves dynamic configuration from a process probe before the run', async () => {
    const experiment = experimentWith({
      configuration: { word: { type: 'probe', provider: { type: 'process', path: 'echo', arguments: 'dynamic-value' } } as never },
      method: [call('action', 'mark', 'mark', { arguments: { label: '${word}' } })],
    })
    const journal = await run(experiment)
    expect(journal.run[0]?.output).toBe('dynamic-value')
  })

  it('pauses after an activity (substituted), excluded from its duration but not from the run', async () => {
    const experiment = experimentWith({ configuration: { wait: 0.3 }, method: [call('probe', 'look', 'is_healthy', { pauses: { after: '${wait}' } })] })
    const journal = await run(experiment)
    expect(journal.run[0]!.duration).toBeLessThan(0.25)
    expect(journal.duration).toBeGreaterThanOrEqual(0.29)
  })

  it('dry activities: nothing runs, outputs are null, the hypothesis counts as met', async () => {
    system.healthy = false
    const journal = await run(experimentWith({}), { dry: 'activities' })
    expect(system.calls).toEqual([])
    expect(journal).toMatchObject({ status: 'completed', deviated: false })
    expect(journal.experiment.dry).toBe('activities')
    expect(journal.run[0]).toMatchObject({ status: 'succeeded', output: null })
  })

  it('dry actions: probes run and are checked, actions do not run', async () => {
    const journal = await run(experimentWith({}), { dry: 'actions' })
    expect(system.calls).toEqual(['is_healthy', 'is_healthy'])
    expect(journal.deviated).toBe(false)
  })

  it('throws InvalidExperimentError before running when an env key is missing', async () => {
    await expect(run(experimentWith({ configuration: { k: { type: 'env', key: 'ENGINE_TEST_MISSING' } } }), { env: {} })).rejects.toThrow(
      'Configuration makes reference to an environment key that does not exist: ENGINE_TEST_MISSING',
    )
    expect(system.calls).toEqual([])
  })
})

describe('runExperiment: http probes against a local server', () => {
  let server: Server
  let url = ''
  beforeAll(async () => {
    server = createServer((_, response) => response.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"boom"}'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(() => server.close())

  it('an http 500 is output, not a failure; a status tolerance decides', async () => {
    const probe = { type: 'probe', name: 'api', provider: { type: 'http', url }, tolerance: 200 } as const
    const journal = await run(experimentWith({ method: [probe], 'steady-state-hypothesis': { title: 'api up', probes: [{ ...probe, tolerance: [200, 500] }] } }))
    expect(journal.run[0]).toMatchObject({ status: 'succeeded', output: { status: 500, body: { error: 'boom' } } })
    expect(journal.steady_states.before?.steady_state_met).toBe(true)
  })
})

describe('runExperiment: listener', () => {
  it('calls the hooks in run order and survives a throwing hook', async () => {
    const events: string[] = []
    const listener = {
      onRunStart: () => void events.push('run-start'),
      onPhaseStart: (phase: string) => void events.push(`start ${phase}`),
      onActivityEnd: (record: { activity: { name: string } }) => void events.push(`activity ${record.activity.name}`),
      onPhaseEnd: () => { throw new Error('listener bug') },
      onRunEnd: (journal: Journal) => void events.push(`end ${journal.status}`),
    }
    const logs: string[] = []
    await run(experimentWith({ method: [call('probe', 'look', 'is_healthy')] }), { listener: { ...listener, onLog: (_, message) => void logs.push(message) } })
    expect(events).toEqual([
      'run-start', 'start hypothesis-before', 'activity system-is-healthy', 'start method', 'activity look',
      'start hypothesis-after', 'activity system-is-healthy', 'start rollbacks', 'activity fix-the-system', 'end completed',
    ])
    expect(logs).toContain('listener onPhaseEnd failed and was ignored: listener bug')
    expect(logs.at(-1)).toBe('Experiment ended with status: completed')
  })
})
