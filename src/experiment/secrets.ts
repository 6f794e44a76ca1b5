// Chaos Toolkit's `load_secrets`: env references at any depth, no defaults, var-file scopes replace whole scopes.
import { InvalidExperimentError, type ExperimentIssue } from '../errors.js'
import type { ResolveOptions } from './configuration.js'
import { toPointer } from './json-pointer.js'
import { isPlainObject } from './plain-object.js'

type Path = (string | number)[]

const resolveEnvSecret = (reference: Record<string, unknown>, path: Path, env: ResolveOptions['env'], issues: ExperimentIssue[]): unknown => {
  if (typeof reference.key !== 'string' || reference.key === '') {
    issues.push({ path: toPointer([...path, 'key']), message: 'a secret env reference needs a "key"', hint: 'add "key": "<ENVIRONMENT_VARIABLE>"', code: 'missing-env-key-name' })
    return undefined
  }
  const envKey = reference.key
  const value = env?.[envKey]
  if (value !== undefined) return value
  issues.push({
    path: toPointer(path),
    message: `Secrets make reference to an environment key that does not exist: ${envKey}`,
    hint: `export ${envKey}=... (secrets take no default)`,
    code: 'missing-env-key',
  })
  return undefined
}

/** chaoslib 1.44's error when `hvac` is not installed; the secret then resolves to `{}`. */
export const VAULT_WITHOUT_HVAC = 'Install the `hvac` package to fetch secrets from Vault: `pip install chaostoolkit-lib[vault]`.'

export interface SecretsOptions extends ResolveOptions {
  /**
   * Compatible mode: a Vault reference resolves to `{}` and this is called with its JSON pointer (for the
   * error chaoslib logs without `hvac`). Without it (strict mode), a Vault reference is an issue.
   */
  onVault?: (pointer: string) => void
}

const resolveNode = (value: unknown, path: Path, options: SecretsOptions, issues: ExperimentIssue[]): unknown => {
  if (!isPlainObject(value)) return value
  if (value.type === 'env') return resolveEnvSecret(value, path, options.env, issues)
  if (value.type === 'vault' && options.onVault) {
    options.onVault(toPointer(path))
    return {}
  }
  if (value.type === 'vault') {
    issues.push({
      path: toPointer(path),
      message: 'HashiCorp Vault secrets are not supported yet',
      hint: 'read the secret from the environment with {"type": "env", "key": "..."} or pass the scope in a --var-file',
      code: 'vault-not-supported',
    })
    return undefined
  }
  const resolved: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) resolved[key] = resolveNode(item, [...path, key], options, issues)
  return resolved
}

/**
 * Resolves the experiment's `secrets` (`scope → key → value`) as Chaos Toolkit does: a var-file scope replaces
 * the whole declared scope, `{type: env}` references are read at any depth and have no `default`.
 * Vault references resolve to `{}` through `onVault` (compatible mode, chaoslib 1.44 without `hvac`), else are issues.
 * Throws `InvalidExperimentError` listing every missing environment key (and every refused Vault reference) at once.
 *
 * @example
 * resolveSecrets({ k8s: { token: { type: 'env', key: 'KUBE_TOKEN' } } }, { env: process.env })
 */
export function resolveSecrets(declared: Record<string, unknown> | undefined, options: SecretsOptions = {}): Record<string, Record<string, unknown>> {
  const { vars = {} } = options
  const nodeOptions = { ...options, env: options.env ?? {} }
  const secrets: Record<string, unknown> = {}
  const issues: ExperimentIssue[] = []
  for (const [scope, value] of Object.entries(declared ?? {})) {
    const override = vars[scope]
    if (isPlainObject(value) && override !== undefined && override !== null) secrets[scope] = override
    else secrets[scope] = resolveNode(value, ['secrets', scope], nodeOptions, issues)
  }
  if (issues.length > 0) throw new InvalidExperimentError(issues)
  return secrets as Record<string, Record<string, unknown>>
}
