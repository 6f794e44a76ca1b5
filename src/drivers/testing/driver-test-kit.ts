// Shared by the driver tests: calling a catalog function as the python provider would, and a do-nothing container.
import type { ActivityFunction } from '../../experiment/activity-function.js'
import type { Program } from '../../emulator/workloads/program.js'

/** Runs a catalog function with bound arguments, as the python provider does (compatible mode unless `strict`). */
export const callActivity = async (fn: ActivityFunction | undefined, args: Record<string, unknown> = {}, strict = false): Promise<unknown> => {
  if (!fn) throw new Error('no such function in the catalog')
  return await fn.run(args, { signal: new AbortController().signal, log: () => undefined, strict })
}

/** A container that only logs one line and never listens: enough for pod, node and deployment tests. */
export const idleProgram: Program = (context) => {
  context.log(`ready to serve as ${context.podName}`)
  return Promise.resolve({ ports: {}, stop: () => Promise.resolve() })
}
