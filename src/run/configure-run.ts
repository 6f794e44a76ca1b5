import type { ActivityCatalog } from '../experiment/activity-function.js'
import { resolveConfiguration } from '../experiment/configuration.js'
import { resolveSecrets, VAULT_WITHOUT_HVAC } from '../experiment/secrets.js'
import type { Activity, Experiment, JsonValue } from '../experiment/types.js'
import { createProviderContext } from '../providers/create-provider-context.js'
import { providerFor } from '../providers/provider-table.js'
import type { PythonBridge } from '../providers/python/python-bridge.js'
import type { LogLevel } from './run-context.js'
import type { RunOptions } from './run-options.js'

/** Configuration and secrets ready for substitution and injection. */
export interface ResolvedInputs {
  configuration: Record<string, JsonValue>
  secrets: Record<string, Record<string, JsonValue>>
}

const dynamicValue = (activity: Activity, output: unknown): { value?: unknown } => {
  if (activity.provider.type === 'process') {
    const result = output as { status: number; stdout: string }
    return result.status === 0 ? { value: result.stdout.trim() } : {}
  }
  if (activity.provider.type === 'http') return { value: (output as { body: unknown }).body }
  return { value: output }
}

interface DynamicOptions { catalog: ActivityCatalog; env: NodeJS.ProcessEnv; signal: AbortSignal; log: (level: LogLevel, message: string) => void; python?: PythonBridge }

/**
 * chaoslib's `configure`: configuration (with `--var` overrides), secrets (with var-file scopes), then each
 * dynamic `{type: probe}` key run in declaration order against the configuration built so far; a dynamic
 * probe that fails is logged and its key left out. Throws InvalidExperimentError for missing env keys.
 *
 * @example
 * const { configuration, secrets } = await configureRun(experiment, options, { catalog, env, signal, log })
 */
export const configureRun = async (experiment: Experiment, options: RunOptions, dynamic: DynamicOptions): Promise<ResolvedInputs> => {
  const resolveOptions = { env: dynamic.env }
  const resolved = resolveConfiguration(experiment.configuration, { ...resolveOptions, vars: options.configurationVars ?? {} })
  const onVault = (pointer: string) => dynamic.log('error', `${VAULT_WITHOUT_HVAC} (vitest-chaos does not read Vault: the secret at ${pointer} resolves to {}, as in chaoslib 1.44 without hvac; strict mode refuses it)`)
  const secrets = resolveSecrets(experiment.secrets, { ...resolveOptions, vars: options.secretVars ?? {}, ...(options.mode === 'strict' ? {} : { onVault }) }) as ResolvedInputs['secrets']
  const configuration: Record<string, JsonValue> = {}
  for (const [key, value] of Object.entries(resolved.configuration)) {
    if (!resolved.dynamic.includes(key)) {
      if (value !== undefined) configuration[key] = value as JsonValue
      continue
    }
    const probe = { name: key, ...(value as object) } as unknown as Activity
    try {
      const context = createProviderContext({ configuration: { ...configuration }, secrets, catalog: dynamic.catalog, env: dynamic.env, signal: dynamic.signal, ...(dynamic.python ? { python: dynamic.python } : {}) })
      const output = await providerFor(probe.provider.type)!.run(probe, context)
      const result = dynamicValue(probe, output)
      if ('value' in result) configuration[key] = result.value as JsonValue
      else dynamic.log('error', `dynamic configuration '${key}' was left out: its process exited with a non-zero status`)
    } catch (error) {
      dynamic.log('error', `dynamic configuration '${key}' was left out: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return { configuration, secrets }
}
