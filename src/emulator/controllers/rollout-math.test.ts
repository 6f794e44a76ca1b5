import { describe, expect, it } from 'vitest'
import { newReplicaSetReplicas, resolveIntOrPercent, rollingBudget, scaleDownOld } from './rollout-math.js'

describe('rolling update arithmetic', () => {
  it('rounds surge up and unavailability down, like the defaults 25%/25%', () => {
    expect(rollingBudget(undefined, 1)).toEqual({ maxSurge: 1, maxUnavailable: 0 })
    expect(rollingBudget(undefined, 6)).toEqual({ maxSurge: 2, maxUnavailable: 1 })
    expect(rollingBudget({ rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }, 4)).toEqual({ maxSurge: 0, maxUnavailable: 1 })
    expect(resolveIntOrPercent('50%', 3, true, '25%')).toBe(2)
  })

  it('creates a first ReplicaSet at full size and surges during a rollout', () => {
    const budget = rollingBudget(undefined, 6)
    expect(newReplicaSetReplicas(6, budget, { replicas: 0, available: 0 }, [{ replicas: 0, available: 0 }])).toBe(6)
    expect(newReplicaSetReplicas(6, budget, { replicas: 0, available: 0 }, [{ replicas: 0, available: 0 }, { replicas: 6, available: 6 }])).toBe(2)
  })

  it('scales old ReplicaSets down only as far as availability allows', () => {
    const budget = rollingBudget(undefined, 6)
    expect(scaleDownOld(6, budget, { replicas: 2, available: 0 }, [{ replicas: 6, available: 6 }])).toEqual([5])
    expect(scaleDownOld(6, budget, { replicas: 2, available: 2 }, [{ replicas: 6, available: 6 }])).toEqual([3])
    expect(scaleDownOld(6, budget, { replicas: 6, available: 6 }, [{ replicas: 1, available: 1 }])).toEqual([0])
  })
})
