import { z } from 'zod'
import { abortSignalSchema, durationSchema, functionSchema, stringRecordSchema } from './common-schemas.js'

/** The `load` option of `toStaySteadyDuring`. */
export const chaosLoadOptionsSchema = z.strictObject({
  path: z.string().optional(),
  url: z.string().optional(),
  connections: z.number().optional(),
  rate: z.number().optional(),
  baseline: durationSchema.optional(),
  timeout: durationSchema.optional(),
  headers: stringRecordSchema.optional(),
  maxDuration: durationSchema.optional(),
})

/** `startLoad(options)`. */
export const loadOptionsSchema = z.strictObject({
  url: z.string(),
  path: z.string().optional(),
  connections: z.number().optional(),
  overallRate: z.number().optional(),
  maxDurationMs: z.number().optional(),
  maxRequests: z.number().optional(),
  timeoutMs: z.number().optional(),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH']).optional(),
  headers: stringRecordSchema.optional(),
  body: z.string().optional(),
  signal: abortSignalSchema.optional(),
  onTick: functionSchema.optional(),
})
