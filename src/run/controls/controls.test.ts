import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Experiment, JsonObject, Probe } from '../../experiment/types.js'
import { pythonEnv, pythonSkipReason } from '../../providers/python/testing/python-env.js'
import { runExperiment } from '../run-experiment.js'
import { contextControls } from './context-controls.js'

const exists = (name: string, type: 'probe' | 'action' = 'probe', extra: Record<string, unknown> = {}) =>
  ({ type, name, provider: { type: 'python', module: 'os.path', func: 'exists', arguments: { path: '/' } }, ...extra }) as unknown as Probe

const recorder = (path: string, extra: JsonObject = {}): JsonObject => ({ name: 'recorder', provider: { type: 'python', module: 'vcfake.controls', arguments: { path } }, ...extra })

const recordedCalls = async (path: string): Promise<Record<string, unknown>[]> =>
  (await readFile(path, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)

const callsFile = async () => join(await mkdtemp(join(tmpdir(), 'controls-')), 'calls.jsonl')

const run = async (experiment: Experiment) => {
  const logs: string[] = []
  const journal = await runExperiment(experiment, { env: pythonEnv(), listener: { onLog: (level, message) => logs.push(`${level} ${message}`) } })
  return { journal, logs }
}

describe.skipIf(pythonSkipReason !== undefined)('python controls through the bridge', () => {
  it("calls a control's hooks in chaoslib's order, with the context, the state and the arguments it declares", async () => {
    const path = await callsFile()
    const { journal } = await run({
      title: 'controlled', description: 'hook order', configuration: { region: 'eu' }, extensions: [{ name: 'ext', value: 1 }],
      controls: [recorder(path)],
      'steady-state-hypothesis': { title: 'root exists', probes: [{ ...exists('root'), tolerance: true }] },
      method: [{ type: 'action', name: 'restart', provider: { type: 'python', module: 'vcfake.actions', func: 'restart_service', arguments: { name: 'db' } } }],
      rollbacks: [exists('undo', 'action')],
    })
    expect(journal.status).toBe('completed')
    const activity = (hook: string, name: string) => ({ hook: `${hook}_activity_control`, activity: name })
    const calls = await recordedCalls(path)
    expect(calls.map(({ hook, activity: name }) => (name === undefined ? { hook } : { hook, activity: name }))).toEqual([
      { hook: 'configure_control' },
      { hook: 'before_experiment_control' },
      { hook: 'before_hypothesis_control' }, activity('before', 'root'), activity('after', 'root'), { hook: 'after_hypothesis_control' },
      { hook: 'before_method_control' }, activity('before', 'restart'), activity('after', 'restart'), { hook: 'after_method_control' },
      { hook: 'before_hypothesis_control' }, activity('before', 'root'), activity('after', 'root'), { hook: 'after_hypothesis_control' },
      { hook: 'before_rollback_control' }, activity('before', 'undo'), activity('after', 'undo'), { hook: 'after_rollback_control' },
      { hook: 'after_experiment_control' },
      { hook: 'cleanup_control' },
    ])
    expect(calls[0]).toMatchObject({ title: 'controlled', configuration: { region: 'eu' } })
    expect(calls[2]).toMatchObject({ context: 'root exists' })
    expect(calls[4]).toMatchObject({ status: 'succeeded', output: true })
    expect(calls[5]).toMatchObject({ met: true })
    expect(calls[7]).toMatchObject({ extensions: [{ name: 'ext', value: 1 }] })
    expect(calls[9]).toMatchObject({ runs: ['restart'] })
    expect(calls[17]).toMatchObject({ runs: ['undo'] })
    expect(calls[18]).toMatchObject({ status: 'completed', deviated: false })
  })

  it("applies a control only in its scope, and a non-automatic top-level control only at the experiment's level", async () => {
    const after = await callsFile()
    const manual = await callsFile()
    await run({
      title: 'scoped', description: 'scope and automatic',
      controls: [recorder(after, { scope: 'after' }), { ...recorder(manual, { automatic: false }), name: 'manual' }],
      method: [exists('look')],
    })
    expect((await recordedCalls(after)).map((call) => call.hook)).toEqual(['configure_control', 'after_activity_control', 'after_method_control', 'after_rollback_control', 'after_experiment_control', 'cleanup_control'])
    expect((await recordedCalls(manual)).map((call) => call.hook)).toEqual(['configure_control', 'before_experiment_control', 'after_experiment_control', 'cleanup_control'])
  })

  it('logs and ignores a control that raises; InterruptExecution from a control interrupts the run', async () => {
    const failing = (stop?: string): JsonObject => ({ name: 'failing', provider: { type: 'python', module: 'vcfake.failing_controls', arguments: stop ? { name_to_stop: stop } : {} } })
    const ignored = await run({ title: 'ignored', description: 'broken control', method: [{ ...exists('look'), controls: [failing()] }] })
    expect(ignored.journal.status).toBe('completed')
    expect(ignored.journal.run.map((r) => r.status)).toEqual(['succeeded'])
    expect(ignored.logs).toContain("warning control 'failing' (vcfake.failing_controls.before_activity_control) failed and was ignored: ValueError: this control is broken")
    const stopped = await run({ title: 'stopped', description: 'interrupting control', method: [exists('first'), { ...exists('second'), controls: [failing('second')] }, exists('third')] })
    expect(stopped.journal.status).toBe('interrupted')
    expect(stopped.journal.run.map((r) => r.activity.name)).toEqual(['first'])
  })

  it("copies back what chaoslib's dummy control writes into the journal, the hypothesis state, the run and the activity", async () => {
    const ctkFixtures = join(import.meta.dirname, '../../../fixtures/chaostoolkit/python')
    const journal = await runExperiment({
      title: 'dummy control', description: "chaoslib's tests/fixtures/controls/dummy.py",
      controls: [{ name: 'dummy', provider: { type: 'python', module: 'fixtures.controls.dummy' } }],
      'steady-state-hypothesis': { title: 'root exists', probes: [{ ...exists('root'), tolerance: true }] },
      method: [exists('look')],
    }, { env: pythonEnv(ctkFixtures) })
    expect(journal).toMatchObject({ status: 'completed', after_experiment_control: true })
    expect(journal.steady_states.before).toMatchObject({ steady_state_met: true, after_hypothesis_control: true })
    expect(journal.run[0]).toMatchObject({ status: 'succeeded', after_activity_control: true, activity: { before_activity_control: true } })
  })

  it('skips a control whose module cannot be imported, with one warning, as chaoslib does', async () => {
    const { journal, logs } = await run({ title: 'missing', description: 'missing control module', controls: [{ name: 'gone', provider: { type: 'python', module: 'no_such_controls' } }], method: [exists('a'), exists('b')] })
    expect(journal.status).toBe('completed')
    expect(logs.filter((line) => line.includes("control module 'no_such_controls' could not be loaded"))).toHaveLength(1)
  })

  it('never starts Python for an experiment without controls or python activities outside the catalog', async () => {
    const { logs } = await run({ title: 'plain', description: 'no python', method: [{ type: 'action', name: 'nap', provider: { type: 'python', module: 'vitest-chaos.builtins', func: 'sleep', arguments: { duration: 0 } } }] })
    expect(logs.some((line) => line.includes('Python bridge started'))).toBe(false)
  })
})

describe("chaoslib's control merging (get_context_controls)", () => {
  const top = (name: string, extra: JsonObject = {}): JsonObject => ({ name, provider: { type: 'python', module: name }, ...extra })
  const experiment = (controls: JsonObject[]): Experiment => ({ title: 't', description: 'd', method: [], controls })

  it('gives lower levels the automatic top-level controls, and method/rollback levels only those', () => {
    const doc = experiment([top('a'), top('b', { automatic: false })])
    expect(contextControls('activity', doc, {}).map((c) => c.name)).toEqual(['a'])
    expect(contextControls('method', doc, doc).map((c) => c.name)).toEqual(['a'])
    expect(contextControls('experiment', doc, doc).map((c) => c.name)).toEqual(['a', 'b'])
  })

  it("puts the top-level automatic controls before an activity's own, skips a same-named one, and follows refs", () => {
    const doc = experiment([top('a'), top('b'), top('manual', { automatic: false })])
    expect(contextControls('activity', doc, { controls: [top('b')] }).map((c) => c.name)).toEqual(['a', 'b'])
    expect(contextControls('activity', doc, { controls: [top('own')] }).map((c) => c.name)).toEqual(['a', 'b', 'own'])
    expect(contextControls('activity', doc, { controls: [{ ref: 'manual' }] }).map((c) => c.name ?? c.ref)).toEqual(['manual', 'manual'])
  })
})
