import type { ClusterProvider } from './cluster-provider.js'
import type { ClusterProviderName } from './started-cluster.js'

// imported on first use, so a test file loads execa and client-node only when it starts a kind, k3s or existing cluster
const providerLoaders: Readonly<Record<ClusterProviderName, () => Promise<ClusterProvider>>> = {
  emulated: async () => (await import('./emulated.js')).emulatedProvider,
  kind: async () => (await import('./kind.js')).kindProvider,
  k3s: async () => (await import('./k3s.js')).k3sProvider,
  existing: async () => (await import('./existing.js')).existingProvider,
}

/** Every cluster provider's name; adding one is one file and one line in the table above. */
export const clusterProviderNames = Object.keys(providerLoaders) as readonly ClusterProviderName[]

export const isClusterProviderName = (name: string): name is ClusterProviderName => Object.hasOwn(providerLoaders, name)

/**
 * The provider of that name, its module (and what it needs) imported now.
 *
 * @example
 * const provider = await loadClusterProvider('kind')
 */
export const loadClusterProvider = (name: ClusterProviderName): Promise<ClusterProvider> => providerLoaders[name]()
