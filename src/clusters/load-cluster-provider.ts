import type { ClusterProvider } from './cluster-provider.js'
import type { ClusterProviderName } from './started-cluster.js'

// imported on first use, so a test file loads execa and client-node only when it starts a kind, k3s or existing cluster
const providerLoaders: Readonly<Record<ClusterProviderName, () => Promise<ClusterProvider>>> = {
  emulated: async () => (await import('./providers/emulated.js')).emulatedProvider,
  kind: async () => (await import('./providers/kind.js')).kindProvider,
  k3s: async () => (await import('./providers/k3s.js')).k3sProvider,
  existing: async () => (await import('./providers/existing.js')).existingProvider,
}

/** Every cluster provider's name; adding one is one file in providers/, one line in the table above and its options in `ClusterOptions`. */
export const clusterProviderNames = Object.keys(providerLoaders) as readonly ClusterProviderName[]

export const isClusterProviderName = (name: string): name is ClusterProviderName => Object.hasOwn(providerLoaders, name)

/**
 * The provider of that name, its module (and what it needs) imported now.
 *
 * @example
 * const provider = await loadClusterProvider('kind')
 */
export const loadClusterProvider = (name: ClusterProviderName): Promise<ClusterProvider> => providerLoaders[name]()
