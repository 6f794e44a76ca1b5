import type { StartedCluster } from './started-cluster.js'

/** Adds an idempotent `stop()` and `Symbol.asyncDispose` to a provider's description of its cluster. */
export const makeStartedCluster = (
  fields: Omit<StartedCluster, 'stop' | typeof Symbol.asyncDispose>,
  stopOnce: () => Promise<void>,
): StartedCluster => {
  let stopping: Promise<void> | undefined
  const stop = () => (stopping ??= stopOnce())
  return { ...fields, stop, [Symbol.asyncDispose]: stop }
}
