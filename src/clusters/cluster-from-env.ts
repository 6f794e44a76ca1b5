import { ClusterError } from '../errors.js'
import type { StartClusterOptions } from './cluster-provider.js'
import { clusterProviderNames, isClusterProviderName } from './load-cluster-provider.js'

/**
 * The cluster the environment asks for: `CHAOS_CLUSTER=emulated|kind|k3s|existing` (default emulated),
 * `CHAOS_CLUSTER_NAME` (kind cluster name), `CHAOS_KEEP_CLUSTER=1` (leave a created kind/k3s cluster running).
 * Pure: it reads `env` and starts nothing. It returns the flat bag, as the name and keep apply to whichever provider the
 * options it is merged with name.
 *
 * @example
 * await using cluster = await startCluster(clusterFromEnv())
 */
export const clusterFromEnv = (env: NodeJS.ProcessEnv = process.env): StartClusterOptions => {
  const provider = (env.CHAOS_CLUSTER ?? '').trim() || 'emulated'
  if (!isClusterProviderName(provider)) {
    throw new ClusterError(`CHAOS_CLUSTER='${provider}' is not a cluster provider; set it to one of ${clusterProviderNames.join(', ')} (or unset it for emulated)`, provider)
  }
  const name = env.CHAOS_CLUSTER_NAME?.trim()
  const keep = ['1', 'true', 'yes'].includes((env.CHAOS_KEEP_CLUSTER ?? '').trim().toLowerCase())
  return { provider, env, ...(name ? { name } : {}), ...(keep ? { keep } : {}) }
}
