import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const probes = kubernetesCatalog['chaosk8s.node.probes']!

let driver: DriverCluster

beforeAll(async () => {
  driver = await startDriverCluster()
})

afterAll(async () => {
  await driver?.stop()
})

describe('node probes', () => {
  it('get_nodes returns the NodeList, filtered by label when asked', async () => {
    const list = (await driver.call(probes.get_nodes)) as { kind: string; items: Array<{ metadata: { name: string; labels: Record<string, string> } }> }
    expect(list.kind).toBe('NodeList')
    expect(list.items.length).toBeGreaterThan(1)
    const [first] = list.items
    const [key, value] = Object.entries(first!.metadata.labels).find(([k]) => k === 'kubernetes.io/hostname') ?? ['kubernetes.io/hostname', first!.metadata.name]
    const filtered = (await driver.call(probes.get_nodes, { label_selector: `${key}=${value}` })) as typeof list
    expect(filtered.items.map((n) => n.metadata.name)).toEqual([first!.metadata.name])
  })

  it('all_nodes_must_be_ready_to_schedule, verify_nodes_condition and nodes_must_be_healthy read the conditions', async () => {
    expect(await driver.call(probes.all_nodes_must_be_ready_to_schedule)).toBe(true)
    expect(await driver.call(probes.verify_nodes_condition)).toBe(true)
    expect(await driver.call(probes.verify_nodes_condition, { condition_type: 'Ready', condition_value: 'False' })).toBe(false)
    expect(await driver.call(probes.nodes_must_be_healthy)).toBe(true)
    const conditions = (await driver.call(probes.get_all_node_status_conditions)) as Array<Record<string, string>>
    for (const node of conditions) expect(node).toMatchObject({ Ready: 'True', MemoryPressure: 'False' })
  })
})
