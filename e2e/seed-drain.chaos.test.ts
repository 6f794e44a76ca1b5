// The seed article's drain experiments, run unchanged through the CLI against an emulated cluster with bookinfo.
import { describe, expect, it } from 'vitest'
import { NS, useSeedCluster } from './support/seed-cli.js'

const { world, run, cordoned } = useSeedCluster()

describe('experiment 1: drain a node', () => {
  it('completes and leaves the drained node cordoned when there is no rollback', async () => {
    const { code, journal } = await run('drain-nodes.json')
    expect(journal.status).toBe('completed')
    expect(journal.deviated).toBe(false)
    expect(code).toBe(0)
    const drained = journal.run[0]!.output as string[]
    expect(journal.run[0]!.status).toBe('succeeded')
    expect(drained).toHaveLength(1)
    expect(await cordoned()).toEqual(drained)
    const left = await world.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${drained[0]}` })
    expect(left.items.filter((p) => p.metadata?.namespace === NS && !p.metadata.deletionTimestamp)).toEqual([])
  })

  it('completes and uncordons the node with the uncordon rollback', async () => {
    const { code, journal } = await run('drain-nodes-with-rollback.json')
    expect(journal.status).toBe('completed')
    expect(code).toBe(0)
    expect(journal.run[0]!.output).toHaveLength(1)
    expect(journal.rollbacks.map((r) => [r.activity.name, r.status])).toEqual([['uncordon-node', 'succeeded']])
    expect(await cordoned()).toEqual([])
  })
})

