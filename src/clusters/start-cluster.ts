import { ClusterError } from '../errors.js'
import type { ClusterOptions, StartClusterOptions } from './cluster-provider.js'
import { findInvalidOptions } from '../options/check-options.js'
import { startClusterOptionsSchema } from '../options/start-cluster-options-schema.js'
import { clusterProviderNames, isClusterProviderName, loadClusterProvider } from './load-cluster-provider.js'
import type { ClusterProviderName, StartedCluster } from './started-cluster.js'

interface StartCluster {
  (options?: ClusterOptions): Promise<StartedCluster>
  /** @deprecated Pass the options of one provider ({@link ClusterOptions}); the flat bag of every provider's options still works. */
  (options: StartClusterOptions): Promise<StartedCluster>
}

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
export const startCluster: StartCluster = (options: ClusterOptions | StartClusterOptions = {}): Promise<StartedCluster> => {
  const invalid = findInvalidOptions('startCluster', startClusterOptionsSchema, options)
  if (invalid) return Promise.reject(invalid)
  const name = options.provider ?? 'emulated'
  if (!isClusterProviderName(name)) {
    return Promise.reject(new ClusterError(`unknown cluster provider '${String(name)}'; use one of ${clusterProviderNames.join(', ')}`, String(name)))
  }
  return startWithManifests(name, options)
}

// each provider reads its own options; an option of another provider passes through unread, as it always has
const startWithManifests = async (name: ClusterProviderName, options: ClusterOptions | StartClusterOptions): Promise<StartedCluster> => {
  // client-node loads with the manifests' code, so only for a cluster that has some
  if (!options.manifests?.length) return (await loadClusterProvider(name)).start(options)
  const { applyUserManifests, readUserManifests } = await import('./apply-user-manifests.js')
  const objects = await readUserManifests(options)
  const cluster = await (await loadClusterProvider(name)).start(options)
  try {
    await applyUserManifests(cluster, objects, options)
    return cluster
  } catch (error) {
    await cluster.stop().catch(() => undefined)
    throw error
  }
}
