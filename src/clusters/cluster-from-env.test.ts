import { describe, expect, it } from 'vitest'
import { ClusterError } from '../errors.js'
import { clusterFromEnv } from './cluster-from-env.js'
import { startCluster } from './start-cluster.js'

describe('clusterFromEnv', () => {
  it('defaults to the emulated cluster', () => {
    expect(clusterFromEnv({}).provider).toBe('emulated')
    expect(clusterFromEnv({ CHAOS_CLUSTER: '  ' }).provider).toBe('emulated')
  })

  it.each(['emulated', 'kind', 'k3s', 'existing'] as const)('accepts CHAOS_CLUSTER=%s', (provider) => {
    expect(clusterFromEnv({ CHAOS_CLUSTER: provider }).provider).toBe(provider)
  })

  it('passes the environment, the kind name and keep through', () => {
    const env = { CHAOS_CLUSTER: 'kind', CHAOS_CLUSTER_NAME: 'ci', CHAOS_KEEP_CLUSTER: 'true' }
    expect(clusterFromEnv(env)).toEqual({ provider: 'kind', env, name: 'ci', keep: true })
  })

  it('refuses an unknown provider with the list of valid ones', () => {
    expect(() => clusterFromEnv({ CHAOS_CLUSTER: 'minikube' })).toThrow(ClusterError)
    expect(() => clusterFromEnv({ CHAOS_CLUSTER: 'minikube' })).toThrow(
      "CHAOS_CLUSTER='minikube' is not a cluster provider; set it to one of emulated, kind, k3s, existing (or unset it for emulated)",
    )
  })
})

describe('startCluster', () => {
  it('rejects an unknown provider name', async () => {
    // @ts-expect-error deliberately not a provider name
    await expect(startCluster({ provider: 'docker-desktop' })).rejects.toThrow("unknown cluster provider 'docker-desktop'")
  })
})
