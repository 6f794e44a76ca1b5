import { describe, it, expect } from 'vitest'
import { InvalidExperimentError } from '../errors.js'
import { resolveConfiguration } from './configuration.js'

const issuesOf = (run: () => unknown): InvalidExperimentError['issues'] => {
  try {
    run()
  } catch (error) {
    if (error instanceof InvalidExperimentError) return error.issues
    throw error
  }
  throw new Error('expected an InvalidExperimentError')
}

describe('resolveConfiguration', () => {
  it('keeps literals and reads env references with defaults and types', () => {
    const { configuration, dynamic } = resolveConfiguration(
      {
        literal: 'x',
        token: { type: 'env', key: 'TOKEN' },
        host: { type: 'env', key: 'UNSET_HOST', default: 'localhost' },
        port: { type: 'env', key: 'PORT', env_var_type: 'int' },
        ratio: { type: 'env', key: 'RATIO', env_var_type: 'float' },
        on: { type: 'env', key: 'ON', env_var_type: 'bool' },
        off: { type: 'env', key: 'OFF', env_var_type: 'bool' },
        data: { type: 'env', key: 'DATA', env_var_type: 'json' },
        empty: { type: 'env', key: 'EMPTY', default: 'unused' },
        nothing: { type: 'env', key: 'UNSET', default: null },
        other: { type: 'custom', x: 1 },
      },
      { env: { TOKEN: 't', PORT: '8080', RATIO: '0.5', ON: 'yes', OFF: 'No', DATA: '{"a":[1]}', EMPTY: '' } },
    )
    expect(configuration).toEqual({
      literal: 'x',
      token: 't',
      host: 'localhost',
      port: 8080,
      ratio: 0.5,
      on: true,
      off: false,
      data: { a: [1] },
      empty: '',
      nothing: null,
      other: { type: 'custom', x: 1 },
    })
    expect(dynamic).toEqual([])
  })

  it('converts a default with the declared type too', () => {
    const { configuration } = resolveConfiguration({ port: { type: 'env', key: 'UNSET', default: '9', env_var_type: 'int' } }, { env: {} })
    expect(configuration.port).toBe(9)
  })

  it('lets a var override replace the declaration, even with an env reference, and ignores undeclared vars', () => {
    const { configuration } = resolveConfiguration(
      { a: 'declared', b: { type: 'env', key: 'MISSING' }, c: 'kept' },
      { vars: { a: 'override', b: { type: 'env', key: 'B_ENV', env_var_type: 'int' }, undeclared: 1 }, env: { B_ENV: '5' } },
    )
    expect(configuration).toEqual({ a: 'override', b: 5, c: 'kept' })
  })

  it('lists probe entries as dynamic configuration, untouched, in declaration order', () => {
    const probe = { type: 'probe', name: 'p', provider: { type: 'python', module: 'm', func: 'f' } }
    const { configuration, dynamic } = resolveConfiguration({ second: { ...probe }, plain: 1, first: probe })
    expect(dynamic).toEqual(['second', 'first'])
    expect(configuration.first).toEqual(probe)
  })

  it("reports every missing env key with Chaos Toolkit's message and a hint", () => {
    const issues = issuesOf(() =>
      resolveConfiguration({ a: { type: 'env', key: 'KUBE_TOKEN' }, b: { type: 'env', key: 'UNDEFINED', default: '' }, c: { type: 'env', key: 'OTHER' } }, { env: {} }),
    )
    expect(issues).toEqual([
      {
        path: '/configuration/a',
        message: 'Configuration makes reference to an environment key that does not exist: KUBE_TOKEN',
        hint: 'export KUBE_TOKEN=... or give it a default',
        code: 'missing-env-key',
      },
      {
        path: '/configuration/c',
        message: 'Configuration makes reference to an environment key that does not exist: OTHER',
        hint: 'export OTHER=... or give it a default',
        code: 'missing-env-key',
      },
    ])
  })

  it('reports an env reference without a key', () => {
    const issues = issuesOf(() => resolveConfiguration({ a: { type: 'env' } }, { env: {} }))
    expect(issues).toEqual([{ path: '/configuration/a/key', message: `configuration key 'a' is an env reference without a "key"`, hint: 'add "key": "<ENVIRONMENT_VARIABLE>"', code: 'missing-env-key-name' }])
  })

  it('reports an unknown env_var_type and an unconvertible value', () => {
    const issues = issuesOf(() =>
      resolveConfiguration(
        { a: { type: 'env', key: 'A', env_var_type: 'date' }, b: { type: 'env', key: 'B', env_var_type: 'int' } },
        { env: { A: '1', B: 'abc' } },
      ),
    )
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['/configuration/a/env_var_type', 'variable type can only be: bool, str, int, float, bytes or json'],
      ['/configuration/b/env_var_type', "configuration key 'b' from B: invalid literal for int(): 'abc'"],
    ])
  })
})
