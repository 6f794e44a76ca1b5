// The seed article's pod-termination experiments, run unchanged through the CLI against an emulated cluster with bookinfo.
import { Watch } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { NS, useSeedCluster } from './support/seed-cli.js'

const { world, run } = useSeedCluster()

describe('experiment 2: terminate half of ratings-v2', () => {
  it('replaces 3 of the 6 ratings-v2 pods and completes', async () => {
    const before = (await world.core.listNamespacedPod({ namespace: NS, labelSelector: 'app=ratings' })).items
      .filter((p) => p.metadata!.name!.startsWith('ratings-v2') && !p.metadata!.deletionTimestamp)
      .map((p) => p.metadata!.name!)
    expect(before).toHaveLength(6)
    const { code, journal } = await run('terminate-half-ratings-v2.json')
    expect(journal.status).toBe('completed')
    expect(journal.deviated).toBe(false)
    expect(code).toBe(0)
    const killed = journal.run[0]!.output as string[]
    expect(killed).toHaveLength(3)
    for (const name of killed) expect(before).toContain(name)
    const after = (await world.core.listNamespacedPod({ namespace: NS, labelSelector: 'app=ratings' })).items
      .filter((p) => p.metadata!.name!.startsWith('ratings-v2') && !p.metadata!.deletionTimestamp)
      .map((p) => p.metadata!.name!)
    expect(after).toHaveLength(6)
    expect(after.filter((name) => !before.includes(name))).toHaveLength(3)
    expect(journal.steady_states.after?.steady_state_met).toBe(true)
  })
})

describe('experiment 3: terminate every ratings pod', () => {
  it('loses ratings-v2 for a moment (seen by a watch during the pause), then recovers and completes', async () => {
    const available: Array<number | undefined> = []
    const watch = await new Watch(world.kc).watch(
      `/apis/apps/v1/namespaces/${NS}/deployments`,
      { fieldSelector: 'metadata.name=ratings-v2' },
      (_type, object: { status?: { availableReplicas?: number } }) => void available.push(object.status?.availableReplicas),
      () => undefined,
    )
    const ratingsBefore = (await world.core.listNamespacedPod({ namespace: NS, labelSelector: 'app=ratings' })).items.length
    try {
      const { code, journal } = await run('terminate-all-ratings.json')
      expect(journal.status).toBe('completed')
      expect(code).toBe(0)
      expect(journal.run[0]!.output).toHaveLength(ratingsBefore)
      expect(journal.steady_states.after?.steady_state_met).toBe(true)
    } finally {
      watch.abort()
    }
    expect(available[0]).toBe(6)
    expect(Math.min(...available.map((n) => n ?? 0))).toBeLessThan(6)
    expect(available.at(-1)).toBe(6)
  })
})

