import { describe, expectTypeOf, it } from 'vitest'
import type { ClusterOptions, StartClusterOptions } from './cluster-provider.js'
import { startCluster } from './start-cluster.js'
import type { StartedCluster } from './started-cluster.js'

describe('ClusterOptions', () => {
  it("takes each provider's own options, keyed by provider (emulated when absent)", () => {
    expectTypeOf(startCluster({ provider: 'kind', name: 'chaos', istioProfile: 'demo', keep: true })).toEqualTypeOf<Promise<StartedCluster>>()
    expectTypeOf(startCluster({ apiPort: 6443, programs: { shop: { command: ['node', 'shop.js'] } } })).toEqualTypeOf<Promise<StartedCluster>>()
    const k3s: ClusterOptions = { provider: 'k3s', k3sImage: 'rancher/k3s:v1.31.2-k3s1' }
    const existing: ClusterOptions = { provider: 'existing', context: 'kind-chaos' }
    expectTypeOf([k3s, existing]).toExtend<ClusterOptions[]>()
  })

  it("refuses another provider's option", () => {
    // @ts-expect-error apiPort is the emulated cluster's
    const kind: ClusterOptions = { provider: 'kind', apiPort: 6443 }
    // @ts-expect-error context is the existing cluster's
    const emulated: ClusterOptions = { context: 'kind-chaos' }
    expectTypeOf([kind, emulated]).toExtend<ClusterOptions[]>()
  })

  it('still accepts the deprecated flat bag of every option', () => {
    const flat: StartClusterOptions = { provider: 'kind', apiPort: 6443, context: 'x', k3sImage: 'y' }
    expectTypeOf(startCluster(flat)).toEqualTypeOf<Promise<StartedCluster>>()
  })
})
