// Chaos Toolkit's `load_configuration`: env references, var overrides, and the dynamic keys left for the engine.
import { InvalidExperimentError, type ExperimentIssue } from '../errors.js'
import { convertToType, UNKNOWN_TYPE_MESSAGE } from './env-var-type.js'
import { escapePointer } from './json-pointer.js'
import { isPlainObject } from './plain-object.js'

/** Where configuration and secrets read their values from. */
export interface ResolveOptions {
  /** `--var`/`--var-file` overrides: configuration key → value, or secret scope → scope. */
  vars?: Record<string, unknown>
  /** The environment read by `{type: env}` references (usually `process.env`). */
  env?: Record<string, string | undefined>
}

export interface ResolvedConfiguration {
  /** Every declared key, resolved; dynamic `{type: probe}` entries are still the probe definition. */
  configuration: Record<string, unknown>
  /** Keys whose value is a `{type: probe}` to run before the experiment (in declaration order). */
  dynamic: string[]
}

const resolveEnvValue = (
  key: string,
  reference: Record<string, unknown>,
  env: Record<string, string | undefined>,
  issues: ExperimentIssue[],
): unknown => {
  if (typeof reference.key !== 'string' || reference.key === '') {
    issues.push({ path: `/configuration/${escapePointer(key)}/key`, message: `configuration key '${key}' is an env reference without a "key"`, hint: 'add "key": "<ENVIRONMENT_VARIABLE>"', code: 'missing-env-key-name' })
    return undefined
  }
  const envKey = reference.key
  const fromEnv = env[envKey]
  if (fromEnv === undefined && !('default' in reference)) {
    issues.push({
      path: `/configuration/${escapePointer(key)}`,
      message: `Configuration makes reference to an environment key that does not exist: ${envKey}`,
      hint: `export ${envKey}=... or give it a default`,
      code: 'missing-env-key',
    })
    return undefined
  }
  try {
    return convertToType(reference.env_var_type as string | undefined, fromEnv ?? reference.default)
  } catch (error) {
    const reason = (error as Error).message
    issues.push({
      path: `/configuration/${escapePointer(key)}/env_var_type`,
      message: reason === UNKNOWN_TYPE_MESSAGE ? reason : `configuration key '${key}' from ${envKey}: ${reason}`,
      hint: 'use one of str, int, float, bytes, bool or json, and a value of that type',
      code: 'bad-env-var-type',
    })
    return undefined
  }
}

/**
 * Resolves the experiment's `configuration` as Chaos Toolkit does: a var override replaces the declaration,
 * `{type: env}` reads the environment (with `default` and `env_var_type`), undeclared vars are ignored,
 * `{type: probe}` entries are kept and listed in `dynamic` for the engine to run.
 * Throws `InvalidExperimentError` listing every missing environment key at once.
 *
 * @example
 * resolveConfiguration({ ns: { type: 'env', key: 'NS', default: 'default' } }, { env: process.env })
 */
export function resolveConfiguration(declared: Record<string, unknown> | undefined, options: ResolveOptions = {}): ResolvedConfiguration {
  const { vars = {}, env = {} } = options
  const configuration: Record<string, unknown> = {}
  const dynamic: string[] = []
  const issues: ExperimentIssue[] = []
  for (const [key, declaration] of Object.entries(declared ?? {})) {
    const value = Object.hasOwn(vars, key) ? vars[key] : declaration
    if (isPlainObject(value) && value.type === 'env') {
      configuration[key] = resolveEnvValue(key, value, env, issues)
    } else {
      if (isPlainObject(value) && value.type === 'probe') dynamic.push(key)
      configuration[key] = value
    }
  }
  if (issues.length > 0) throw new InvalidExperimentError(issues)
  return { configuration, dynamic }
}
