import { z } from 'zod'
import { activityOptionsShape, probeOptionsShape } from './common-schemas.js'

const ISTIO_DURATION = /^\d+(?:\.\d+)?(?:ms|s|m|h)$/

const virtualService = { virtualService: z.string(), ns: z.string().optional(), version: z.string().optional() }
const target = {
  ...activityOptionsShape,
  ...virtualService,
  routes: z.array(z.strictObject({ destination: z.strictObject({ host: z.string(), subset: z.string().optional() }) })),
}
const faultPart = z.record(z.string(), z.union([z.string(), z.number(), z.strictObject({ value: z.number() })]))

/** The options of each `istio.*` builder, by builder name. */
export const istioBuilderSchemas = {
  addDelayFault: z.strictObject({
    ...target,
    fixedDelay: z.custom<string>((value) => typeof value === 'string' && ISTIO_DURATION.test(value), { message: "must be an Istio duration such as '5s' or '100ms'" }),
    percentage: z.number().optional(),
  }),
  addAbortFault: z.strictObject({ ...target, httpStatus: z.number(), percentage: z.number().optional() }),
  removeDelayFault: z.strictObject(target),
  removeAbortFault: z.strictObject(target),
  setFault: z.strictObject({ ...target, fault: z.strictObject({ delay: faultPart.optional(), abort: faultPart.optional() }) }),
  unsetFault: z.strictObject(target),
  getVirtualService: z.strictObject({ ...probeOptionsShape, ...virtualService }),
}
