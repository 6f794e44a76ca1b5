import { z } from 'zod'
import { abortSignalSchema, functionSchema } from './common-schemas.js'

/** `startCluster(options)` (also `createChaosTest({ cluster })`). */
export const startClusterOptionsSchema = z.strictObject({
  // an unknown provider gets startCluster's own message, which lists the providers
  provider: z.string().optional(),
  bookinfo: z.boolean().optional(),
  stateDir: z.string().optional(),
  name: z.string().optional(),
  reuse: z.boolean().optional(),
  keep: z.boolean().optional(),
  // process.env is not a plain object, which z.record requires
  env: z.custom<NodeJS.ProcessEnv>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'must be an object of environment variables' }).optional(),
  signal: abortSignalSchema.optional(),
  log: functionSchema.optional(),
  readyTimeoutMs: z.number().optional(),
  apiPort: z.number().optional(),
  ingressPort: z.number().optional(),
  kindConfigPath: z.string().optional(),
  istioProfile: z.string().optional(),
  k3sImage: z.string().optional(),
  context: z.string().optional(),
  // each program's own fields are checked by the emulator when it starts
  programs: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  manifests: z.array(z.string()).optional(),
}).optional()
