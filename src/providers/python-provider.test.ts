import { describe, expect, it } from 'vitest'
import { ActivityFailedError, InterruptedError } from '../errors.js'
import { mergeCatalogs, type ActivityCatalog } from '../experiment/activity-function.js'
import type { Activity, PythonProvider } from '../experiment/types.js'
import { builtinCatalog } from './builtin-catalog.js'
import { createProviderContext } from './create-provider-context.js'
import { pythonProvider } from './python-provider.js'

const calls: Record<string, unknown>[] = []
const testCatalog: ActivityCatalog = {
  'tests.probes': {
    echo: { params: ['value', 'configuration', 'secrets'], required: ['value'], run: (args) => { calls.push(args); return args.value } },
    plain: { params: ['ns'], required: [], run: (args) => { calls.push(args); return 'plain' } },
    kaboom: { params: [], required: [], run: () => { throw new RangeError('kaboom') } },
    unhealthy: { params: [], required: [], run: () => Promise.reject(new ActivityFailedError('the system is unhealthy')) },
  },
}
const catalog = mergeCatalogs(builtinCatalog, testCatalog)

const activity = (provider: Omit<PythonProvider, 'type'>): Activity => ({ type: 'action', name: 'my-action', provider: { type: 'python', ...provider } })
const run = (provider: Omit<PythonProvider, 'type'>, extra: Partial<Parameters<typeof createProviderContext>[0]> = {}) =>
  pythonProvider.run(activity(provider), createProviderContext({ signal: new AbortController().signal, catalog, ...extra }))
const validate = (provider: Omit<PythonProvider, 'type'>) =>
  pythonProvider.validate(activity(provider), { path: '/method/2', catalog, env: process.env })

describe('python provider: run', () => {
  it('calls the function with substituted arguments and returns its value unchanged', async () => {
    expect(await run({ module: 'tests.probes', func: 'echo', arguments: { value: '${n}' } }, { configuration: { n: [1, 2] } })).toEqual([1, 2])
  })

  it('injects a copy of the whole configuration, and secrets only when the provider declares scopes', async () => {
    calls.length = 0
    const configuration = { a: 1 }
    const secrets = { first: { k: 'one', x: 'first' }, second: { k: 'two' } }
    await run({ module: 'tests.probes', func: 'echo', arguments: { value: 1 } }, { configuration, secrets })
    await run({ module: 'tests.probes', func: 'echo', arguments: { value: 1 }, secrets: ['first', 'second'] }, { configuration, secrets })
    expect(calls[0]).toEqual({ value: 1, configuration: { a: 1 } })
    expect(calls[1]).toEqual({ value: 1, configuration: { a: 1 }, secrets: { k: 'two', x: 'first' } })
    expect(calls[1]!.configuration).not.toBe(configuration)
  })

  it('does not inject configuration or secrets into functions that do not take them', async () => {
    calls.length = 0
    await run({ module: 'tests.probes', func: 'plain', secrets: ['s'] }, { configuration: { a: 1 }, secrets: { s: { k: 1 } } })
    expect(calls[0]).toEqual({})
  })

  it('turns any throw into ActivityFailedError "<ErrorName>: <message>"', async () => {
    await expect(run({ module: 'tests.probes', func: 'kaboom' })).rejects.toThrow(new ActivityFailedError('RangeError: kaboom'))
    await expect(run({ module: 'tests.probes', func: 'unhealthy' })).rejects.toThrow(new ActivityFailedError('ActivityFailedError: the system is unhealthy'))
  })

  it('built-in sleep waits, and stops with InterruptedError when the run is interrupted', async () => {
    expect(await run({ module: 'vitest-chaos.builtins', func: 'sleep', arguments: { duration: 0.05 } })).toBe(0.05)
    const controller = new AbortController()
    const pending = run({ module: 'vitest-chaos.builtins', func: 'sleep', arguments: { duration: 30 } }, { signal: controller.signal })
    setTimeout(() => controller.abort('SIGTERM'), 50)
    await expect(pending).rejects.toBeInstanceOf(InterruptedError)
  })

  it('built-in read_env returns the variable or the default', async () => {
    process.env.PYTHON_PROVIDER_TEST = 'set'
    expect(await run({ module: 'vitest-chaos.builtins', func: 'read_env', arguments: { key: 'PYTHON_PROVIDER_TEST' } })).toBe('set')
    expect(await run({ module: 'vitest-chaos.builtins', func: 'read_env', arguments: { key: 'PYTHON_PROVIDER_UNSET', default: 'd' } })).toBe('d')
  })
})

describe('python provider: validate', () => {
  it('reports an unknown module and an unknown function with chaoslib\'s messages', () => {
    expect(validate({ module: 'chaosk8s.nope', func: 'x' })).toEqual([
      expect.objectContaining({ path: '/method/2/provider/module', message: "could not find Python module 'chaosk8s.nope' in activity 'my-action'" }),
    ])
    expect(validate({ module: 'tests.probes', func: 'nope' })[0]?.message).toBe(
      "The python module 'tests.probes' does not expose a function called 'nope' in action 'my-action'",
    )
  })

  it('reports missing arguments before unknown ones, counting configuration and secrets as given', () => {
    expect(validate({ module: 'tests.probes', func: 'echo', arguments: { colour: 'red' } }).map((issue) => issue.message)).toEqual([
      "required argument 'value' is missing from activity 'echo'",
      "argument 'colour' is not part of the function signature in activity 'echo'",
    ])
    expect(validate({ module: 'tests.probes', func: 'plain', arguments: { configuration: {} } }).map((issue) => issue.message)).toEqual([
      "argument 'configuration' is not part of the function signature in activity 'plain'",
    ])
    expect(validate({ module: 'tests.probes', func: 'echo', arguments: { value: 1 } })).toEqual([])
  })
})
