import { describe, expect, it } from 'vitest'
import { Store } from '../store/store.js'
import { applyTopology } from '../topology/apply-topology.js'
import { renewLeases, reportNodeStatus } from './node-heartbeat.js'

describe('node heartbeats', () => {
  it('keeps one Lease per node in kube-node-lease and renews it in place', () => {
    const store = new Store()
    applyTopology(store)
    renewLeases(store)
    const leases = store.list('coordination.k8s.io/leases', 'kube-node-lease')
    expect(leases.map((lease) => lease.metadata.name)).toEqual(['chaos-control-plane', 'chaos-worker', 'chaos-worker2', 'chaos-worker3'])
    expect(leases[1]?.spec).toMatchObject({ holderIdentity: 'chaos-worker', leaseDurationSeconds: 40 })
    expect((leases[1]?.spec as { renewTime: string }).renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    expect(leases[1]?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'chaos-worker' })
    renewLeases(store)
    expect(store.list('coordination.k8s.io/leases')).toHaveLength(4)
  })

  it('re-posts every node condition with a heartbeat time and leaves Ready True', () => {
    const store = new Store()
    applyTopology(store)
    reportNodeStatus(store)
    const [node] = store.list('nodes')
    const conditions = (node?.status as { conditions: { type: string; status: string; lastHeartbeatTime: string }[] }).conditions
    expect(conditions.find((c) => c.type === 'Ready')?.status).toBe('True')
    expect(conditions.every((c) => c.lastHeartbeatTime)).toBe(true)
    expect(conditions.map((c) => c.type)).toEqual(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'])
  })
})
