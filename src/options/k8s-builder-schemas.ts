import { z } from 'zod'
import { activityOptionsShape, probeOptionsShape } from './common-schemas.js'

const nodeSelector = { name: z.string().optional(), labelSelector: z.string().optional() }
const deployment = { ...probeOptionsShape, name: z.string(), ns: z.string().optional(), labelSelector: z.string().optional() }
const podSelection = { ...probeOptionsShape, labelSelector: z.string(), phase: z.string().optional(), ns: z.string().optional() }

/** The options of each `k8s.*` builder, by builder name. */
export const k8sBuilderSchemas = {
  allPodsHealthy: z.strictObject({ ...probeOptionsShape, ns: z.string().optional(), raiseOnAnyUnhealthy: z.boolean().optional() }).optional(),
  podsInPhase: z.strictObject(podSelection),
  countPods: z.strictObject(podSelection),
  deploymentAvailableAndHealthy: z.strictObject(deployment),
  deploymentFullyAvailable: z.strictObject({ ...deployment, timeout: z.number().optional() }),
  allNodesMustBeReadyToSchedule: z.strictObject({ ...probeOptionsShape, labelSelector: z.string().optional() }).optional(),
  drainNodes: z.strictObject({
    ...activityOptionsShape, ...nodeSelector,
    deletePodsWithLocalStorage: z.boolean().optional(), timeout: z.number().optional(), count: z.number().optional(),
    podLabelSelector: z.string().optional(), podNamespace: z.string().optional(),
  }).optional(),
  cordonNode: z.strictObject({ ...activityOptionsShape, ...nodeSelector }).optional(),
  uncordonNode: z.strictObject({ ...activityOptionsShape, ...nodeSelector }).optional(),
  terminatePods: z.strictObject({
    ...activityOptionsShape,
    ns: z.string().optional(), labelSelector: z.string().optional(), namePattern: z.string().optional(), all: z.boolean().optional(),
    rand: z.boolean().optional(), mode: z.enum(['fixed', 'percentage']).optional(), qty: z.number().optional(),
    gracePeriod: z.number().optional(), order: z.enum(['alphabetic', 'oldest']).optional(),
  }).optional(),
  scaleDeployment: z.strictObject({ ...activityOptionsShape, name: z.string(), replicas: z.number(), ns: z.string().optional() }),
  rolloutDeployment: z.strictObject({ ...activityOptionsShape, name: z.string(), ns: z.string().optional() }),
}
