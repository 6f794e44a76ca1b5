// Contract types for the Chaos Toolkit experiment document; keys kept verbatim from the wire format.
// schema.ts is the source of validation; these names are what every other layer imports.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export interface EnvReference {
  type: 'env'
  key: string
  default?: JsonValue
  env_var_type?: 'str' | 'string' | 'int' | 'integer' | 'float' | 'number' | 'bytes' | 'bool' | 'json'
}

export type ConfigurationValue = JsonValue | EnvReference
export type Configuration = Record<string, ConfigurationValue>
/** scope → key → value (values may be env references or nested objects). */
export type Secrets = Record<string, Record<string, JsonValue>>

export interface PythonProvider {
  type: 'python'
  module: string
  func: string
  arguments?: JsonObject
  secrets?: string[]
  /** Ours (chaoslib has none): seconds before a call to a Python module outside our catalog is given up. */
  timeout?: number
}

export interface ProcessProvider {
  type: 'process'
  path: string
  arguments?: string | JsonValue[] | JsonObject
  timeout?: number
  secrets?: string[]
}

export interface HttpProvider {
  type: 'http'
  url: string
  method?: string
  headers?: Record<string, string>
  arguments?: JsonObject | string
  timeout?: number | [number, number] | string
  verify_tls?: boolean
  max_retries?: number
  secrets?: string[]
}

export type Provider = PythonProvider | ProcessProvider | HttpProvider

export interface Pauses {
  before?: number | string
  after?: number | string
}

export interface RegexTolerance { type: 'regex'; pattern: string; target?: string }
export interface JsonPathTolerance { type: 'jsonpath'; path: string; expect?: JsonValue; count?: number; target?: string }
export interface RangeTolerance { type: 'range'; range: [number, number]; target?: string }
export interface ProbeTolerance extends Omit<Probe, 'tolerance'> { type: 'probe' }

export type Tolerance = boolean | number | string | JsonValue[] | RegexTolerance | JsonPathTolerance | RangeTolerance | ProbeTolerance

interface ActivityBase {
  name: string
  provider: Provider
  pauses?: Pauses
  background?: boolean
  /** validated but never enforced, as in Chaos Toolkit */
  timeout?: number
  controls?: JsonObject[]
  configuration?: string
}

export interface Probe extends ActivityBase {
  type: 'probe'
  tolerance?: Tolerance
}

export interface Action extends ActivityBase {
  type: 'action'
}

/** `{ "ref": "<name>" }`: replaced at run time by the method activity or hypothesis probe of that name. */
export interface ActivityRef {
  ref: string
}

export type Activity = Probe | Action
export type ActivityOrRef = Activity | ActivityRef

export interface SteadyStateHypothesis {
  title: string
  probes?: Probe[]
  controls?: JsonObject[]
}

export type HypothesisStrategy =
  | 'default'
  | 'before-method-only'
  | 'after-method-only'
  | 'during-method-only'
  | 'continuously'
  | 'skip'
export type RollbackStrategy = 'default' | 'always' | 'never' | 'deviated'
export type DryMode = 'probes' | 'actions' | 'activities' | 'pause'

export interface Experiment {
  version?: string
  title: string
  description: string
  tags?: string[]
  contributions?: Record<string, 'high' | 'medium' | 'low' | 'none'>
  configuration?: Configuration
  secrets?: Secrets
  extensions?: JsonObject[]
  controls?: JsonObject[]
  'steady-state-hypothesis'?: SteadyStateHypothesis
  method: ActivityOrRef[]
  rollbacks?: ActivityOrRef[]
  runtime?: { rollbacks?: { strategy?: RollbackStrategy }; hypothesis?: { strategy?: HypothesisStrategy } }
  dry?: DryMode | null
}

export const isActivityRef = (activity: ActivityOrRef): activity is ActivityRef =>
  'ref' in activity && !('type' in activity)
