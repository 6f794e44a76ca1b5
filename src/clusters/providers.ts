import type { ClusterProvider } from './cluster-provider.js'
import { emulatedProvider } from './emulated.js'
import { existingProvider } from './existing.js'
import { k3sProvider } from './k3s.js'
import { kindProvider } from './kind.js'
import type { ClusterProviderName } from './started-cluster.js'

/** Every cluster provider by name; adding one is one file and one line here. */
export const clusterProviders: Readonly<Record<ClusterProviderName, ClusterProvider>> = {
  emulated: emulatedProvider,
  kind: kindProvider,
  k3s: k3sProvider,
  existing: existingProvider,
}

export const isClusterProviderName = (name: string): name is ClusterProviderName => Object.hasOwn(clusterProviders, name)
