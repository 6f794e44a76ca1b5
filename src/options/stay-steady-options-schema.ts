import { z } from 'zod'
import { durationSchema } from './common-schemas.js'
import { chaosLoadOptionsSchema } from './load-options-schema.js'
import { sloSchema } from './slo-schema.js'

/** The options of `toStaySteadyDuring(fault, options)`. */
export const staySteadyOptionsSchema = z.strictObject({
  load: chaosLoadOptionsSchema.optional(),
  slo: sloSchema.optional(),
  recoverWithin: durationSchema.optional(),
  recoveryInterval: durationSchema.optional(),
  recoverySettle: durationSchema.optional(),
  hypothesisStrategy: z.enum(['default', 'before-method-only', 'after-method-only', 'during-method-only', 'continuously']).optional(),
}).optional()
