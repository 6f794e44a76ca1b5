import { describe, expect, it } from 'vitest'
import { clusterProviderNames, isClusterProviderName, loadClusterProvider } from './load-cluster-provider.js'

describe('cluster providers', () => {
  it('loads each provider by its name', async () => {
    expect(clusterProviderNames).toEqual(['emulated', 'kind', 'k3s', 'existing'])
    for (const name of clusterProviderNames) expect((await loadClusterProvider(name)).name).toBe(name)
  })

  it('tells provider names from other words', () => {
    expect(isClusterProviderName('kind')).toBe(true)
    expect(isClusterProviderName('minikube')).toBe(false)
    expect(isClusterProviderName('toString')).toBe(false)
  })
})
