import { z } from 'zod'
import { durationSchema } from './common-schemas.js'

/** A service-level objective: `toMeetSlo(slo)` and the `slo` option of `toStaySteadyDuring`. */
export const sloSchema = z.strictObject({
  p99: durationSchema.optional(),
  errorRate: z.number().optional(),
  minThroughput: z.number().optional(),
  phases: z.array(z.enum(['baseline', 'fault', 'recovery'])).optional(),
})
