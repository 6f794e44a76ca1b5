// A trimmed structural schema of the Istio CRDs: type checks with the apiextensions messages, and pruning of unknown fields.
import type { FieldError } from './status.js'

type Schema =
  | { type: 'string' | 'integer' | 'number' | 'boolean' }
  | { type: 'object'; properties?: Record<string, Schema>; free?: true }
  | { type: 'array'; items: Schema }

const string: Schema = { type: 'string' }
const integer: Schema = { type: 'integer' }
const number: Schema = { type: 'number' }
const boolean: Schema = { type: 'boolean' }
const free: Schema = { type: 'object', free: true }
const strings: Schema = { type: 'array', items: string }
const object = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties })
const array = (items: Schema): Schema => ({ type: 'array', items })

const percentage = object({ value: number })
const destination = object({ host: string, subset: string, port: object({ number: integer }) })
const httpRoute = object({
  name: string,
  match: array(free),
  route: array(object({ destination, weight: integer, headers: free })),
  redirect: free,
  directResponse: free,
  delegate: free,
  rewrite: free,
  timeout: string,
  retries: object({ attempts: integer, perTryTimeout: string, retryOn: string, retryRemoteLocalities: boolean }),
  fault: object({
    delay: object({ fixedDelay: string, exponentialDelay: string, percentage, percent: integer }),
    abort: object({ httpStatus: integer, grpcStatus: string, http2Error: string, percentage }),
  }),
  mirror: destination,
  mirrors: array(free),
  mirrorPercentage: percentage,
  mirrorPercent: integer,
  mirror_percent: integer,
  corsPolicy: free,
  headers: free,
})

const SPECS: Record<string, Schema> = {
  VirtualService: object({ hosts: strings, gateways: strings, http: array(httpRoute), tls: array(free), tcp: array(free), exportTo: strings }),
  DestinationRule: object({
    host: string,
    trafficPolicy: free,
    subsets: array(object({ name: string, labels: free, trafficPolicy: free })),
    exportTo: strings,
    workloadSelector: free,
  }),
  Gateway: object({ selector: free, servers: array(free) }),
}

const typeOf = (value: unknown): string => {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

const matchesType = (schema: Schema, value: unknown): boolean => {
  const actual = typeOf(value)
  return actual === schema.type || (schema.type === 'number' && actual === 'integer')
}

// Field paths drop list indexes (`spec.http.timeout`), as the apiextensions validator reports them.
const check = (schema: Schema, value: unknown, path: string, errors: FieldError[]): unknown => {
  if (!matchesType(schema, value)) {
    const actual = typeOf(value)
    errors.push({ field: path, reason: 'FieldValueInvalid', value: JSON.stringify(actual), detail: `${path} in body must be of type ${schema.type}: "${actual}"` })
    return value
  }
  if (schema.type === 'array') return (value as unknown[]).map((item) => check(schema.items, item, path, errors))
  if (schema.type === 'object' && schema.properties) {
    const result: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const property = schema.properties[key]
      if (property) result[key] = check(property, item, `${path}.${key}`, errors)
    }
    return result
  }
  return value
}

/** Validates a custom resource's spec and returns it pruned of unknown fields, plus the field errors. */
export const checkCustomResource = (kind: string, spec: unknown): { spec: unknown; errors: FieldError[] } => {
  const schema = SPECS[kind]
  if (!schema || spec === undefined) return { spec, errors: [] }
  const errors: FieldError[] = []
  const pruned = check(schema, spec, 'spec', errors)
  return { spec: pruned, errors }
}
