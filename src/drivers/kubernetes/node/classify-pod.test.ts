import type { V1Pod } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { classifyPodForDrain } from './classify-pod.js'

const owned = (kind: string, controller = true) => [{ apiVersion: 'apps/v1', kind, name: 'owner', uid: 'u', controller }]
const pod = (overrides: { annotations?: Record<string, string>; owners?: ReturnType<typeof owned>; emptyDir?: boolean; phase?: string }): V1Pod => ({
  metadata: { name: 'p', annotations: overrides.annotations, ownerReferences: overrides.owners },
  spec: { containers: [], volumes: overrides.emptyDir ? [{ name: 'tmp', emptyDir: {} }] : [{ name: 'cfg', configMap: { name: 'c' } }] },
  status: { phase: overrides.phase ?? 'Running' },
})

describe('classifyPodForDrain (chaosk8s rules, first match wins)', () => {
  it('skips mirror pods before anything else', () => {
    expect(classifyPodForDrain(pod({ annotations: { 'kubernetes.io/config.mirror': 'x' }, emptyDir: true }), 'n', true)).toBe('skip-mirror')
  })

  it('skips emptyDir pods unless asked, then evicts them even when a DaemonSet owns them', () => {
    expect(classifyPodForDrain(pod({ emptyDir: true, owners: owned('ReplicaSet') }), 'n', false)).toBe('skip-local-storage')
    expect(classifyPodForDrain(pod({ emptyDir: true, owners: owned('DaemonSet') }), 'n', true)).toBe('evict')
  })

  it('evicts finished pods, even unmanaged ones', () => {
    expect(classifyPodForDrain(pod({ phase: 'Succeeded' }), 'n', false)).toBe('evict')
    expect(classifyPodForDrain(pod({ phase: 'Failed' }), 'n', false)).toBe('evict')
  })

  it('evicts controller-owned pods and skips DaemonSet pods', () => {
    expect(classifyPodForDrain(pod({ owners: owned('ReplicaSet') }), 'n', false)).toBe('evict')
    expect(classifyPodForDrain(pod({ owners: owned('DaemonSet') }), 'n', false)).toBe('skip-daemonset')
    expect(classifyPodForDrain(pod({ owners: owned('DaemonSet', false) }), 'n', false)).toBe('skip-daemonset')
  })

  it('refuses pods without a controller owner with chaosk8s\' message', () => {
    const message = "Pod 'p' on node 'n' is unmanaged, cannot drain this node. Delete it manually first?"
    expect(() => classifyPodForDrain(pod({}), 'n', false)).toThrow(message)
    expect(() => classifyPodForDrain(pod({ owners: owned('ReplicaSet', false) }), 'n', false)).toThrow(message)
  })
})
