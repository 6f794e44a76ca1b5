import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../cli/main.js'
import { loadExperiment } from '../../experiment/load-experiment.js'
import { validateExperiment } from '../../run/validate-experiment.js'
import { pythonEnv, pythonSkipReason } from './testing/python-env.js'

const python = (name: string, module: string, func: string, args?: Record<string, unknown>) =>
  ({ type: 'action', name, provider: { type: 'python', module, func, ...(args ? { arguments: args } : {}) } })

const validateFile = async (document: object, env: NodeJS.ProcessEnv) => {
  const path = join(await mkdtemp(join(tmpdir(), 'validate-python-')), 'experiment.json')
  await writeFile(path, JSON.stringify(document, null, 2))
  const loaded = await loadExperiment(path)
  return { issues: validateExperiment(loaded.document, { env, locate: (pointer) => loaded.locate(pointer) }), path }
}

const experiment = (method: object[]) => ({ title: 'validate python', description: 'python validation', method })

describe.skipIf(pythonSkipReason !== undefined)('python validation with a real interpreter', () => {
  it('accepts standard-library and extension functions whose arguments bind', async () => {
    const { issues } = await validateFile(experiment([
      python('exists', 'os.path', 'exists', { path: '/' }),
      python('format', 'pprint', 'pformat', { object: 1 }),
      python('restart', 'vcfake.actions', 'restart_service', { name: 'db' }),
      python('configured', 'vcfake.actions', 'describe_call', { value: 1 }),
    ]), pythonEnv())
    expect(issues).toEqual([])
  })

  it('reports every problem at once, each with file:line:col: unimportable module, missing function, arguments that do not bind', async () => {
    const { issues, path } = await validateFile(experiment([
      python('missing-module', 'no_such_pkg.actions', 'go'),
      python('missing-function', 'vcfake.actions', 'no_such_function'),
      python('bound-method', 'random', 'choice', { seq: [1] }),
      python('bad-arguments', 'vcfake.actions', 'restart_service', { replicas: 2, colour: 'red' }),
      python('keyword-only-builtin', 'builtins', 'sum', { iterable: [1] }),
    ]), pythonEnv())
    expect(issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['python-module-not-found', "could not find Python module 'no_such_pkg.actions' in activity 'missing-module'"],
      ['python-function-not-found', "The python module 'vcfake.actions' does not expose a function called 'no_such_function' in action 'missing-function'"],
      ['python-function-not-found', "The python module 'random' does not expose a function called 'choice' in action 'bound-method'"],
      ['python-argument-missing', "required argument 'name' is missing from activity 'restart_service'"],
      ['python-argument-unknown', "argument 'colour' is not part of the function signature in activity 'restart_service'"],
      ['python-argument-positional', "argument 'iterable' of 'sum' is positional-only and cannot be passed by name (chaoslib's validation crashes on it)"],
    ])
    expect(issues.every((issue) => issue.location?.startsWith(`${path}:`))).toBe(true)
    expect(issues[0]!.hint).toMatch(/^ModuleNotFoundError: No module named 'no_such_pkg' \(interpreter \S+python3\S*, Python 3\.\d+\.\d+;/)
    expect(issues[2]!.hint).toContain('neither a function nor a builtin')
  })

  it('names CHAOS_PYTHON when the interpreter it points at does not exist', async () => {
    const { issues } = await validateFile(experiment([python('exists', 'os.path', 'exists', { path: '/' })]), { ...pythonEnv(), CHAOS_PYTHON: '/nonexistent/python3' })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ code: 'python-unavailable', path: '/method/0/provider/module' })
    expect(issues[0]!.message).toContain("CHAOS_PYTHON is set to '/nonexistent/python3'")
  })

  it('names CHAOS_PYTHON when there is no python3 on PATH either', async () => {
    const { issues } = await validateFile(experiment([python('exists', 'os.path', 'exists', { path: '/' })]), { ...pythonEnv(), PATH: '/nonexistent' })
    expect(issues[0]!.message).toContain('CHAOS_PYTHON is not set and there is no python3 on PATH')
  })

  it('keeps our catalog first: chaosk8s functions are checked against it, never imported', async () => {
    const { issues } = await validateFile(experiment([python('k8s', 'chaosk8s.pod.probes', 'no_such_probe')]), { ...pythonEnv(), PATH: '/nonexistent' })
    expect(issues.map((issue) => issue.code)).toEqual(['python-module-not-found'])
    expect(issues[0]!.message).toBe("could not find Python module 'chaosk8s.pod.probes' in activity 'k8s'")
  })

  it('vitest-chaos run refuses what chaos validate refuses, and --no-validation still runs what can run', async () => {
    const { path } = await validateFile(experiment([python('pick', 'random', 'choice', { seq: ['RED'] })]), pythonEnv())
    const cli = async (...flags: string[]) => {
      let stderr = ''
      const exit = await main(['run', path, '--journal-path', `${path}.journal.json`, ...flags], { stdout: () => undefined, stderr: (text) => void (stderr += text), signal: new AbortController().signal })
      return { exit, stderr }
    }
    const refused = await cli()
    expect(refused.exit).toBe(1)
    expect(refused.stderr).toContain(`${path}:`)
    expect(refused.stderr).toContain("The python module 'random' does not expose a function called 'choice' in action 'pick'")
    expect((await cli('--no-validation')).exit).toBe(0)
  })

  it("reports a control its module's validate_control() refuses, but not a control module that does not import (chaoslib only warns)", async () => {
    const validated = (level?: number) => ({ name: 'audit', provider: { type: 'python', module: 'vcfake.validated_controls', ...(level === undefined ? {} : { arguments: { level } }) } })
    const { issues, path } = await validateFile({
      ...experiment([{ ...python('exists', 'os.path', 'exists', { path: '/' }), controls: [validated(2)] }]),
      controls: [validated(), { name: 'gone', provider: { type: 'python', module: 'no_such_controls' } }],
    }, pythonEnv())
    expect(issues.map((issue) => [issue.path, issue.code, issue.message])).toEqual([
      ['/controls/0', 'invalid-control', "control 'audit' is invalid: ValueError: control 'audit' needs a 'level' argument"],
    ])
    expect(issues[0]!.location).toMatch(new RegExp(`^${path}:\\d+:\\d+$`))
  })
})
