import { z } from 'zod'

const DURATION_TEXT = /^\s*\d+(?:\.\d+)?\s*(?:ms|s|m)\s*$/

/** `'500ms'`, `'2s'`, `'1m'` or a number (in the unit its field documents). */
export const durationSchema = z.custom<number | `${number}ms` | `${number}s` | `${number}m`>(
  (value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0) || (typeof value === 'string' && DURATION_TEXT.test(value)),
  { message: "must be a duration such as '500ms', '2s' or '1m', or a number" },
)

export const functionSchema = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { message: 'must be a function' })

export const abortSignalSchema = z.custom<AbortSignal>((value) => value instanceof AbortSignal, { message: 'must be an AbortSignal' })

export const stringRecordSchema = z.record(z.string(), z.string())

/** Chaos Toolkit pauses: seconds (or a `${var}` string) before and after an activity. */
export const pausesSchema = z.strictObject({ before: z.union([z.number(), z.string()]).optional(), after: z.union([z.number(), z.string()]).optional() })

/** What every typed builder accepts besides its function's own arguments. */
export const activityOptionsShape = {
  activityName: z.string().optional(),
  pauses: pausesSchema.optional(),
  secrets: z.array(z.string()).optional(),
}

/** A probe builder's options: a Chaos Toolkit tolerance (checked with the experiment) may replace the default. */
export const probeOptionsShape = { ...activityOptionsShape, tolerance: z.unknown().optional() }
