import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Activity, Experiment } from '../../experiment/types.js'
import type { Journal } from '../../journal/types.js'
import { runExperiment } from '../../run/run-experiment.js'
import type { RunOptions } from '../../run/run-options.js'
import { pythonEnv, pythonSkipReason } from './testing/python-env.js'
import { isProcessAlive } from '../../testing/is-process-alive.js'

const call = (name: string, module: string, func: string, extra: Record<string, unknown> = {}): Activity =>
  ({ type: 'action', name, provider: { type: 'python', module, func, ...extra } })

const experimentOf = (method: Activity[], extra: Partial<Experiment> = {}): Experiment => ({ title: 'python bridge', description: 'bridge test', method, ...extra })

const run = async (experiment: Experiment, options: RunOptions = {}): Promise<{ journal: Journal; logs: string[] }> => {
  const logs: string[] = []
  const journal = await runExperiment(experiment, { env: pythonEnv(), listener: { onLog: (level, message) => logs.push(`${level} ${message}`) }, ...options })
  return { journal, logs }
}

describe.skipIf(pythonSkipReason !== undefined)('python bridge: activities outside the catalog', () => {
  it('runs standard-library functions as probes and journals their return values as is', async () => {
    const { journal } = await run(experimentOf([
      call('exists', 'os.path', 'exists', { arguments: { path: '/' } }),
      call('choice', 'random', 'choice', { arguments: { seq: ['RED'] } }),
      call('format', 'pprint', 'pformat', { arguments: { object: { a: [1, 2] } } }),
    ], {
      'steady-state-hypothesis': { title: 'root exists', probes: [{ type: 'probe', name: 'root', tolerance: true, provider: { type: 'python', module: 'os.path', func: 'exists', arguments: { path: '/' } } }] },
    }))
    expect(journal.status).toBe('completed')
    expect(journal.steady_states.before?.steady_state_met).toBe(true)
    expect(journal.run.map((r) => [r.status, r.output])).toEqual([['succeeded', true], ['succeeded', 'RED'], ['succeeded', "{'a': [1, 2]}"]])
  })

  it('records a Python exception as a failed activity with its type, message and Python frames; the method goes on', async () => {
    const { journal } = await run(experimentOf([call('down', 'vcfake.actions', 'fail', { arguments: { message: 'db is down' } }), call('sum', 'builtins', 'sum', { arguments: { iterable: [1, 2] } }), call('after', 'os.path', 'exists', { arguments: { path: '/' } })]))
    const [down, sum, after] = journal.run
    expect(down!.status).toBe('failed')
    expect(down!.exception!.at(-1)).toBe('ActivityFailedError: vcfake.actions.ServiceUnavailable: db is down\n')
    expect(down!.exception!.some((line) => line.includes('vcfake/actions.py'))).toBe(true)
    expect(sum!.exception!.at(-1)).toMatch(/^ActivityFailedError: TypeError: sum\(\) takes/)
    expect(after!.status).toBe('succeeded')
    expect(journal.status).toBe('completed')
  })

  it("passes configuration always and secrets only when the provider declares scopes (chaoslib's binding)", async () => {
    const secrets = { first: { token: 'one', only: 'first' }, second: { token: 'two' } }
    const { journal } = await run(experimentOf([
      call('no-scopes', 'vcfake.actions', 'describe_call', { arguments: { value: '${port}' } }),
      call('two-scopes', 'vcfake.actions', 'describe_call', { arguments: { value: 1 }, secrets: ['first', 'second'] }),
      call('empty-scopes', 'vcfake.actions', 'describe_call', { arguments: { value: 1 }, secrets: [] }),
    ], { configuration: { port: 8080 }, secrets }))
    expect(journal.run.map((r) => r.output)).toEqual([
      { value: 8080, configuration: { port: 8080 }, secrets: null },
      { value: 1, configuration: { port: 8080 }, secrets: { token: 'two', only: 'first' } },
      { value: 1, configuration: { port: 8080 }, secrets: {} },
    ])
  })

  it('runs a dynamic configuration probe in the bridge before the method (a secret token from random.choice)', async () => {
    const token = { type: 'probe', provider: { type: 'python', module: 'random', func: 'choice', arguments: { seq: ['RED'] } } }
    const { journal } = await run(experimentOf([call('use-token', 'pprint', 'pformat', { arguments: { object: '${my_token}' } })], { configuration: { my_token: token as never } }))
    expect(journal.run[0]).toMatchObject({ status: 'succeeded', output: "'RED'" })
  })

  it('journals JSON as is, dates as isoformat, and other objects as their repr with a warning', async () => {
    const { journal, logs } = await run(experimentOf([call('restart', 'vcfake.actions', 'restart_service', { arguments: { name: 'db' } }), call('object', 'vcfake.actions', 'returns_object')]))
    expect(journal.run[0]!.output).toEqual({ restarted: 'db', replicas: 1, at: '2026-01-02' })
    expect(journal.run[1]!.output).toEqual({ lock: expect.stringMatching(/^<unlocked _thread.lock object at 0x/), numbers: [1, 2] })
    expect(logs.some((line) => line.startsWith('warning') && line.includes('returned lock values, which are not JSON'))).toBe(true)
  })

  it('keeps what a function prints out of the protocol: logged with the activity, output intact', async () => {
    const { journal, logs } = await run(experimentOf([call('chatty', 'vcfake.actions', 'chatty', { arguments: { word: 'bonjour' } })]))
    expect(journal.run[0]).toMatchObject({ status: 'succeeded', output: 'bonjour' })
    expect(logs).toContain("info python activity 'chatty' (vcfake.actions.chatty) printed: saying bonjour")
    expect(logs).toContain("info python activity 'chatty' (vcfake.actions.chatty) printed: to stderr")
  })

  it('uses one interpreter for the whole run, started lazily and stopped with the run', async () => {
    const { journal } = await run(experimentOf([call('pid-1', 'vcfake.actions', 'interpreter_pid'), call('pid-2', 'vcfake.actions', 'interpreter_pid')]))
    const [first, second] = journal.run.map((r) => r.output as number)
    expect(first).toBe(second)
    expect(isProcessAlive(first!)).toBe(false)
  })

  it('gives up a call after its provider timeout, stops the function, and the run goes on', async () => {
    const marker = join(await mkdtemp(join(tmpdir(), 'bridge-')), 'stopped')
    const { journal } = await run(experimentOf([call('slow', 'vcfake.actions', 'slow', { arguments: { marker }, timeout: 0.3 }), call('next', 'os.path', 'exists', { arguments: { path: '/' } })]))
    expect(journal.run[0]!.status).toBe('failed')
    expect(journal.run[0]!.exception!.at(-1)).toBe("ActivityFailedError: PythonTimeoutError: python activity 'slow' (vcfake.actions.slow) took too long to complete (timeout 0.3s)\n")
    expect(journal.run[1]!.status).toBe('succeeded')
    await expect.poll(() => existsSync(marker)).toBe(true)
  })

  it('kills an interpreter whose cancelled call does not stop, and starts a new one for the next call', async () => {
    const { journal, logs } = await run(experimentOf([call('pid', 'vcfake.actions', 'interpreter_pid'), { ...call('stuck', 'vcfake.actions', 'stuck', { timeout: 0.2 }), pauses: { after: 1.5 } }, call('pid-after', 'vcfake.actions', 'interpreter_pid')]))
    expect(journal.run.map((r) => r.status)).toEqual(['succeeded', 'failed', 'succeeded'])
    expect(logs.some((line) => line.includes("python activity 'stuck' (vcfake.actions.stuck) did not stop after it was cancelled; the Python interpreter was killed"))).toBe(true)
    expect(journal.run[2]!.output).not.toBe(journal.run[0]!.output)
  })

  it('ends a running call when the run is interrupted: status interrupted, the record without status', async () => {
    const controller = new AbortController()
    const { journal } = await run(experimentOf([call('slow', 'vcfake.actions', 'slow')]), {
      signal: controller.signal,
      listener: { onActivityStart: () => void setTimeout(() => controller.abort('Ctrl-C'), 100) },
      env: pythonEnv(),
    })
    expect(journal.status).toBe('interrupted')
    expect(journal.run[0]!.status).toBeUndefined()
  })

  it('ends the run on an interrupt even while the interpreter hangs before it is ready, and stops it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bridge-hang-'))
    const hanging = join(dir, 'python3')
    await writeFile(hanging, '#!/bin/sh\nexec sleep 600\n', { mode: 0o755 })
    const controller = new AbortController()
    const { journal } = await run(experimentOf([call('exists', 'os.path', 'exists', { arguments: { path: '/' } })]), {
      signal: controller.signal,
      listener: { onActivityStart: () => void setTimeout(() => controller.abort('Ctrl-C'), 100) },
      env: { ...pythonEnv(), CHAOS_PYTHON: hanging },
    })
    expect(journal.status).toBe('interrupted')
  })

  it('records an interpreter killed by its own function as a failed activity; the run and the journal complete', async () => {
    const { journal } = await run(experimentOf([call('suicide', 'vcfake.actions', 'kill_interpreter'), call('after', 'os.path', 'exists', { arguments: { path: '/' } })]))
    expect(journal.status).toBe('completed')
    expect(journal.run[0]!.status).toBe('failed')
    expect(journal.run[0]!.exception!.at(-1)).toBe('ActivityFailedError: BridgeExitedError: the Python interpreter was killed by SIGKILL; its last stderr lines: about to die\n')
    expect(journal.run[1]).toMatchObject({ status: 'succeeded', output: true })
  })

  it('aborts the run on a module that cannot be imported (chaoslib lets the ImportError escape), rollbacks still by strategy', async () => {
    const { journal } = await run(experimentOf([call('missing', 'no_such_module.actions', 'x')], { rollbacks: [call('undo', 'os.path', 'exists', { arguments: { path: '/' } })] }))
    expect(journal.status).toBe('aborted')
    expect(journal['vitest-chaos']!.reason).toContain("No module named 'no_such_module'")
    expect(journal.rollbacks.map((r) => r.status)).toEqual(['succeeded'])
  })

  it('never sends chaosk8s, chaosistio or our built-ins to Python', async () => {
    const { journal } = await run(experimentOf([call('k8s', 'chaosk8s.pod.probes', 'no_such_function')]))
    expect(journal.status).toBe('completed')
    expect(journal.run[0]!.exception!.at(-1)).toBe("ActivityFailedError: no function 'no_such_function' in module 'chaosk8s.pod.probes' (activity 'k8s')\n")
  })

  it('fails clearly when no interpreter can be found, naming the variable', async () => {
    const { journal } = await run(experimentOf([call('exists', 'os.path', 'exists', { arguments: { path: '/' } })]), { env: { ...pythonEnv(), CHAOS_PYTHON: '/nonexistent/python3' } })
    expect(journal.status).toBe('aborted')
    expect(journal['vitest-chaos']!.reason).toContain("CHAOS_PYTHON is set to '/nonexistent/python3'")
  })
})
