import { ClusterError } from '../errors.js'
import { applyUserManifests, readUserManifests } from './apply-user-manifests.js'
import type { ClusterProvider, StartClusterOptions } from './cluster-provider.js'
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
 *
 * // your own service next to bookinfo, its image run as a local process on the emulated cluster
 * await using shop = await startCluster({ programs: { shop: { command: ['node', 'shop.js'] } }, manifests: ['k8s/shop.yaml'] })
 */
export const startCluster = (options: StartClusterOptions = {}): Promise<StartedCluster> => {
  const invalid = findInvalidOptions('startCluster', startClusterOptionsSchema, options)
  if (invalid) return Promise.reject(invalid)
  const name = options.provider ?? 'emulated'
  if (!isClusterProviderName(name)) {
    return Promise.reject(new ClusterError(`unknown cluster provider '${String(name)}'; use one of ${Object.keys(clusterProviders).join(', ')}`, String(name)))
  }
  return startWithManifests(clusterProviders[name], options)
}

const startWithManifests = async (provider: ClusterProvider, options: StartClusterOptions): Promise<StartedCluster> => {
  const objects = await readUserManifests(options)
  const cluster = await provider.start(options)
  try {
    await applyUserManifests(cluster, objects, options)
    return cluster
  } catch (error) {
    await cluster.stop().catch(() => undefined)
    throw error
  }
}
