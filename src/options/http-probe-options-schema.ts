import { z } from 'zod'
import { durationSchema, stringRecordSchema } from './common-schemas.js'

/** The options of `http.probe(name, options)`. */
export const httpProbeOptionsSchema = z.strictObject({
  path: z.string().optional(),
  url: z.string().optional(),
  method: z.string().optional(),
  headers: stringRecordSchema.optional(),
  arguments: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
  timeout: durationSchema.optional(),
  tolerance: z.unknown().optional(),
})
