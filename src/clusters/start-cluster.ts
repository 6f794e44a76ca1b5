import { ClusterError } from '../errors.js'
import type { StartClusterOptions } from './cluster-provider.js'
import { findInvalidOptions } from '../options/check-options.js'
import { startClusterOptionsSchema } from '../options/start-cluster-options-schema.js'
import { clusterProviders, isClusterProviderName } from './providers.js'
import type { StartedCluster } from './started-cluster.js'

/**
 * Starts (or connects to) a cluster; `emulated` unless `provider` says otherwise.
 *
 * @example
 * await using cluster = await startCluster({ provider: 'emulated' })
 * console.log(cluster.env.KUBECONFIG, cluster.urls.productPage)
 */
export const startCluster = (options: StartClusterOptions = {}): Promise<StartedCluster> => {
  const invalid = findInvalidOptions('startCluster', startClusterOptionsSchema, options)
  if (invalid) return Promise.reject(invalid)
  const name = options.provider ?? 'emulated'
  if (!isClusterProviderName(name)) {
    return Promise.reject(new ClusterError(`unknown cluster provider '${String(name)}'; use one of ${Object.keys(clusterProviders).join(', ')}`, String(name)))
  }
  return clusterProviders[name].start(options)
}
