// The experiment document's shape as a zod 4 schema: structure and types; check-experiment.ts adds Chaos Toolkit's semantic checks.
import { z } from 'zod'
import { ENV_VAR_TYPES } from './env-var-type.js'

const jsonObject = z.record(z.string(), z.unknown())
const text = z.string().min(1)
/** A pause in seconds, or a `${name}` resolved from configuration or secrets at run time. */
const pause = z.union([z.number(), z.string().regex(/^\$\{.*\}$/)])
/** Provider `secrets`: a list of scope names (a bare string is read as a one-item list). */
const providerSecrets = z.union([z.array(z.string()), z.string()])

export const pythonProviderSchema = z.looseObject({
  type: z.literal('python'),
  module: text,
  func: text,
  arguments: jsonObject.optional(),
  secrets: providerSecrets.optional(),
})

export const processProviderSchema = z.looseObject({
  type: z.literal('process'),
  path: text,
  arguments: z.union([z.string(), z.array(z.unknown()), jsonObject]).optional(),
  timeout: z.number().optional(),
  secrets: providerSecrets.optional(),
})

export const httpProviderSchema = z.looseObject({
  type: z.literal('http'),
  url: text,
  method: z.string().optional(),
  headers: jsonObject.optional(),
  arguments: z.union([jsonObject, z.string()]).optional(),
  timeout: z.union([z.number(), z.tuple([z.number(), z.number()]), z.string()]).optional(),
  verify_tls: z.boolean().optional(),
  max_retries: z.number().int().min(0).optional(),
  secrets: providerSecrets.optional(),
})

export const providerSchema = z.discriminatedUnion('type', [pythonProviderSchema, processProviderSchema, httpProviderSchema])

const targeted = { target: z.string().optional() }
export const regexToleranceSchema = z.looseObject({ type: z.literal('regex'), pattern: z.string(), ...targeted })
export const jsonPathToleranceSchema = z.looseObject({
  type: z.literal('jsonpath'),
  path: z.string(),
  expect: z.unknown().optional(),
  count: z.number().int().min(0).optional(),
  ...targeted,
})
export const rangeToleranceSchema = z.looseObject({ type: z.literal('range'), range: z.tuple([z.number(), z.number()]), ...targeted })

const activityFields = {
  name: text,
  provider: providerSchema,
  pauses: z.looseObject({ before: pause.optional(), after: pause.optional() }).optional(),
  background: z.boolean().optional(),
  timeout: z.number().optional(),
  controls: z.array(jsonObject).optional(),
  configuration: z.string().optional(),
}

export const probeToleranceSchema = z.looseObject({ type: z.literal('probe'), ...activityFields })

/** A hypothesis probe's tolerance: bool, integer, string, list, or a regex/jsonpath/range/probe object (never a float or null). */
export const toleranceSchema = z.union([
  z.boolean(),
  z.number().int(),
  z.string(),
  z.array(z.unknown()),
  z.discriminatedUnion('type', [regexToleranceSchema, jsonPathToleranceSchema, rangeToleranceSchema, probeToleranceSchema]),
])

export const activitySchema = z.looseObject({
  type: z.enum(['probe', 'action']),
  ...activityFields,
  tolerance: toleranceSchema.optional(),
})

export const activityRefSchema = z.looseObject({ ref: text })

export const envReferenceSchema = z.looseObject({
  type: z.literal('env'),
  key: text,
  default: z.unknown().optional(),
  env_var_type: z.enum(ENV_VAR_TYPES).optional(),
})

export const hypothesisSchema = z.looseObject({
  title: text,
  probes: z.array(z.unknown()).optional(),
  controls: z.array(jsonObject).optional(),
})

/**
 * The Chaos Toolkit experiment document. Activity lists are checked entry by entry with `activitySchema`
 * (or `activityRefSchema` for `{ref}` entries) so each problem keeps its own path.
 *
 * @example
 * experimentSchema.safeParse(document).success
 */
export const experimentSchema = z.looseObject({
  version: z.string().optional(),
  title: text,
  description: text,
  tags: z.array(text).optional(),
  contributions: z.record(z.string(), z.enum(['high', 'medium', 'low', 'none'])).optional(),
  configuration: jsonObject.optional(),
  secrets: z.record(z.string(), jsonObject).optional(),
  extensions: z.array(z.looseObject({ name: text })).optional(),
  controls: z.array(jsonObject).optional(),
  'steady-state-hypothesis': hypothesisSchema.optional(),
  method: z.array(z.unknown()),
  rollbacks: z.array(z.unknown()).optional(),
  runtime: z
    .looseObject({
      rollbacks: z.looseObject({ strategy: z.enum(['default', 'always', 'never', 'deviated']).optional() }).optional(),
      hypothesis: z
        .looseObject({ strategy: z.enum(['default', 'before-method-only', 'after-method-only', 'during-method-only', 'continuously', 'continously', 'skip']).optional() })
        .optional(),
    })
    .optional(),
})

/** JSON Schema of the experiment document, for editors (`z.toJSONSchema`). */
export const experimentJsonSchema = (): Record<string, unknown> => z.toJSONSchema(experimentSchema, { unrepresentable: 'any' })
