import { describe, expect, it } from 'vitest'
import { deploymentStatus } from './deployment-status.js'
import type { Workload } from './kube-types.js'

const rs = (name: string, replicas: number, status: Record<string, number>): Workload => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name },
  spec: { replicas, template: { spec: { containers: [] } } },
  status,
})
const deployment = (replicas: number, status: Record<string, unknown> = {}): Workload => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'reviews-v1', generation: 1 },
  spec: { replicas, template: { spec: { containers: [] } } },
  status,
})

describe('deploymentStatus', () => {
  it('reports a complete rollout with the exact conditions and omits zero counts', () => {
    const current = rs('reviews-v1-7f99cc4496', 1, { replicas: 1, readyReplicas: 1, availableReplicas: 1 })
    const status = deploymentStatus({ deployment: deployment(1), newReplicaSet: current, all: [current], maxUnavailable: 0, created: false })
    expect(status).toMatchObject({ observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 })
    expect(status).not.toHaveProperty('unavailableReplicas')
    expect((status.conditions as object[]).map((c) => ({ ...c, lastUpdateTime: undefined, lastTransitionTime: undefined }))).toEqual([
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: undefined, lastTransitionTime: undefined },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "reviews-v1-7f99cc4496" has successfully progressed.', lastUpdateTime: undefined, lastTransitionTime: undefined },
    ])
  })

  it('flips Available to False while the single replica is being replaced, and keeps it stable when nothing changes', () => {
    const complete = rs('reviews-v1-7f99cc4496', 1, { replicas: 1, readyReplicas: 1, availableReplicas: 1 })
    const first = deploymentStatus({ deployment: deployment(1), newReplicaSet: complete, all: [complete], maxUnavailable: 0, created: false })
    const replacing = rs('reviews-v1-7f99cc4496', 1, { replicas: 1 })
    const second = deploymentStatus({ deployment: deployment(1, first), newReplicaSet: replacing, all: [replacing], maxUnavailable: 0, created: false })
    expect(second.unavailableReplicas).toBe(1)
    expect((second.conditions as { type: string; status: string; reason: string }[])[0]).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' })
    const third = deploymentStatus({ deployment: deployment(1, second), newReplicaSet: replacing, all: [replacing], maxUnavailable: 0, created: false })
    expect(third).toEqual(second)
  })
})
