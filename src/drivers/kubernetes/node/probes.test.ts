import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulatedCluster, type EmulatedCluster } from '../../../emulator/index.js'
import { kubernetesCatalog } from '../catalog.js'
import { callActivity } from '../../../testing/call-activity.js'

const probes = kubernetesCatalog['chaosk8s.node.probes']!

let cluster: EmulatedCluster

beforeAll(async () => {
  cluster = await startEmulatedCluster({ bookinfo: false })
  process.env.KUBECONFIG = cluster.kubeconfigPath
})

afterAll(async () => {
  await cluster?.stop()
})

describe('node probes', () => {
  it('get_nodes returns the NodeList, filtered by label when asked', async () => {
    const list = (await callActivity(probes.get_nodes)) as { kind: string; items: Array<{ metadata: { name: string; labels: Record<string, string> } }> }
    expect(list.kind).toBe('NodeList')
    expect(list.items.length).toBeGreaterThan(1)
    const [first] = list.items
    const [key, value] = Object.entries(first!.metadata.labels).find(([k]) => k === 'kubernetes.io/hostname') ?? ['kubernetes.io/hostname', first!.metadata.name]
    const filtered = (await callActivity(probes.get_nodes, { label_selector: `${key}=${value}` })) as typeof list
    expect(filtered.items.map((n) => n.metadata.name)).toEqual([first!.metadata.name])
  })

  it('all_nodes_must_be_ready_to_schedule, verify_nodes_condition and nodes_must_be_healthy read the conditions', async () => {
    expect(await callActivity(probes.all_nodes_must_be_ready_to_schedule)).toBe(true)
    expect(await callActivity(probes.verify_nodes_condition)).toBe(true)
    expect(await callActivity(probes.verify_nodes_condition, { condition_type: 'Ready', condition_value: 'False' })).toBe(false)
    expect(await callActivity(probes.nodes_must_be_healthy)).toBe(true)
    const conditions = (await callActivity(probes.get_all_node_status_conditions)) as Array<Record<string, string>>
    for (const node of conditions) expect(node).toMatchObject({ Ready: 'True', MemoryPressure: 'False' })
  })
})
