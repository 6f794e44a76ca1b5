import { builtinCatalog } from './builtin-catalog.js'
import { buildLookup, substitute } from '../experiment/substitute.js'
import type { ProviderContext } from './provider.js'

/**
 * A provider context with Chaos Toolkit's substitution over the given configuration and secrets;
 * like chaoslib, nothing is substituted when both are empty (so `$$` stays `$$`).
 *
 * @example
 * const context = createProviderContext({ configuration: { port: 8080 }, signal: AbortSignal.timeout(5000) })
 */
export const createProviderContext = (options: Partial<ProviderContext> & { signal: AbortSignal }): ProviderContext => {
  const configuration = options.configuration ?? {}
  const secrets = options.secrets ?? {}
  const lookup = buildLookup(configuration, secrets)
  const empty = Object.keys(configuration).length === 0 && Object.keys(secrets).length === 0
  return {
    configuration,
    secrets,
    substitute: <T>(value: T): T => (empty ? value : substitute(value, lookup)),
    catalog: options.catalog ?? builtinCatalog,
    signal: options.signal,
    env: options.env ?? process.env,
    strict: options.strict ?? false,
    log: options.log ?? (() => undefined),
    ...(options.python ? { python: options.python } : {}),
  }
}
