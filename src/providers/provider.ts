import type { ExperimentIssue } from '../errors.js'
import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { Activity, JsonValue } from '../experiment/types.js'
import type { PythonBridge } from './python/python-bridge.js'
import type { PythonInspector } from './python/python-inspector.js'

/** What a provider needs to run one activity; built once per run by the run context. */
export interface ProviderContext {
  /** Resolved configuration (after env, vars and dynamic probes). */
  configuration: Record<string, JsonValue>
  /** Resolved secrets, scope → key → value. */
  secrets: Record<string, Record<string, JsonValue>>
  /** `${name}` substitution over configuration then secrets, Chaos Toolkit's rules. */
  substitute: <T>(value: T) => T
  /** Functions reachable through `{ type: python }`. */
  catalog: ActivityCatalog
  /** Aborted when the run is interrupted; providers stop their work and reject. */
  signal: AbortSignal
  /** Environment of process activities. */
  env: NodeJS.ProcessEnv
  strict: boolean
  log: (level: 'debug' | 'info' | 'warning' | 'error', message: string) => void
  /** The run's Python interpreter, for python activities and controls outside the catalog. */
  python?: PythonBridge
}

/** What static validation of one activity needs. */
export interface ProviderValidationContext {
  /** JSON pointer of the activity, e.g. `/method/0`. */
  path: string
  catalog: ActivityCatalog
  env: NodeJS.ProcessEnv
  /** Maps a JSON pointer to `file:line:col`, when the experiment came from a file. */
  locate?: (pointer: string) => string | undefined
  /** Answers about modules outside the catalog, from one Python start per validation. */
  inspectPython?: PythonInspector
}

/**
 * A Chaos Toolkit provider type: validate statically, then run.
 *
 * @example
 * const output = await providerFor('http')!.run(activity, context)
 */
export interface Provider {
  readonly type: string
  validate(activity: Activity, context: ProviderValidationContext): ExperimentIssue[]
  run(activity: Activity, context: ProviderContext): Promise<unknown>
}

/** Builds one issue located in the document. */
export const issueAt = (
  context: ProviderValidationContext,
  suffix: string,
  code: string,
  message: string,
  hint?: string,
): ExperimentIssue => {
  const path = `${context.path}${suffix}`
  const location = context.locate?.(path)
  return { path, code, message, ...(hint ? { hint } : {}), ...(location ? { location } : {}) }
}
