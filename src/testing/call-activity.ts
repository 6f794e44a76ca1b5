// Shared by the driver tests: calling a catalog function as the python provider would, and a do-nothing container.
import type { ActivityFunction, ActivityFunctionContext } from '../experiment/activity-function.js'
import type { Program } from '../emulator/index.js'

/**
 * Runs a catalog function with bound arguments, as the python provider does (compatible mode unless `strict`);
 * `kubeconfig` reaches the driver through its context, as a run's does.
 *
 * @example
 * await callActivity(catalog['chaosk8s.pod.actions']!.terminate_pods, { ns: 'bookinfo', qty: 1 }, { kubeconfig })
 */
export const callActivity = async (
  fn: ActivityFunction | undefined,
  args: Record<string, unknown> = {},
  options: boolean | { strict?: boolean; kubeconfig?: string; log?: ActivityFunctionContext['log'] } = {},
): Promise<unknown> => {
  if (!fn) throw new Error('no such function in the catalog')
  const { strict = false, kubeconfig, log = () => undefined } = typeof options === 'boolean' ? { strict: options } : options
  return await fn.run(args, { signal: new AbortController().signal, log, strict, ...(kubeconfig === undefined ? {} : { kubeconfig }) })
}

/** A container that only logs one line and never listens: enough for pod, node and deployment tests. */
export const idleProgram: Program = (context) => {
  context.log(`ready to serve as ${context.podName}`)
  return Promise.resolve({ ports: {}, stop: () => Promise.resolve() })
}
