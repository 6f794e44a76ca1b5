import { describe, it, expect } from 'vitest'
import { InvalidExperimentError } from '../errors.js'
import { resolveSecrets } from './secrets.js'

const rejection = (run: () => unknown): InvalidExperimentError => {
  try {
    run()
  } catch (error) {
    if (error instanceof InvalidExperimentError) return error
    throw error
  }
  throw new Error('expected an InvalidExperimentError')
}

describe('resolveSecrets', () => {
  it('reads env references at any depth and keeps literals', () => {
    const secrets = resolveSecrets(
      { k8s: { token: { type: 'env', key: 'TOKEN' }, nested: { deeper: { type: 'env', key: 'DEEP' }, n: 1 }, plain: 'p' } },
      { env: { TOKEN: 't', DEEP: 'd' } },
    )
    expect(secrets).toEqual({ k8s: { token: 't', nested: { deeper: 'd', n: 1 }, plain: 'p' } })
  })

  it('has no default for secrets: a missing env key is an error even with one', () => {
    const error = rejection(() => resolveSecrets({ s: { token: { type: 'env', key: 'MISSING', default: 'x' } } }, { env: {} }))
    expect(error.issues).toEqual([
      {
        path: '/secrets/s/token',
        message: 'Secrets make reference to an environment key that does not exist: MISSING',
        hint: 'export MISSING=... (secrets take no default)',
        code: 'missing-env-key',
      },
    ])
  })

  it('replaces a whole scope with a var-file scope: undeclared keys are lost', () => {
    const secrets = resolveSecrets(
      { k8s: { token: 'declared', ca: 'declared-ca' }, other: { x: 1 } },
      { vars: { k8s: { token: 'from-var-file' }, unknown: { y: 2 } } },
    )
    expect(secrets).toEqual({ k8s: { token: 'from-var-file' }, other: { x: 1 } })
  })

  it('reports an env reference without a key', () => {
    expect(rejection(() => resolveSecrets({ s: { k: { type: 'env' } } })).issues.map((issue) => [issue.path, issue.message])).toEqual([['/secrets/s/k/key', 'a secret env reference needs a "key"']])
  })

  it('says plainly that Vault is not supported yet', () => {
    const error = rejection(() => resolveSecrets({ s: { k: { type: 'vault', path: 'foo/bar' } } }))
    expect(error.issues[0]).toMatchObject({ path: '/secrets/s/k', code: 'vault-not-supported', message: 'HashiCorp Vault secrets are not supported yet' })
    expect(error.message).toContain('/secrets/s/k  HashiCorp Vault secrets are not supported yet')
  })

  it('resolves Vault references to {} through onVault (compatible mode), at any depth and as a whole scope', () => {
    const seen: string[] = []
    const secrets = resolveSecrets({ s: { k: { type: 'vault', path: 'foo/bar' }, plain: 1 }, whole: { type: 'vault', path: 'a/b' } }, { onVault: (pointer) => seen.push(pointer) })
    expect(secrets).toEqual({ s: { k: {}, plain: 1 }, whole: {} })
    expect(seen).toEqual(['/secrets/s/k', '/secrets/whole'])
  })
})
