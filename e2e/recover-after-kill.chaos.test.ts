// kill -9 of a whole chaos test run while a drain and an Istio delay are live, against `vitest-chaos cluster up` in its
// own process: the next run refuses to start, `vitest-chaos recover` undoes both exactly, and a second recover is a no-op.
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBaseline, runCli, startOutlivingCluster, type ClusterBaseline, type OutlivingCluster } from './support/outliving-cluster.js'
import { runEnding, type EndingResult } from './support/run-ending.js'

const REVIEWS = { group: 'networking.istio.io', version: 'v1alpha3', namespace: 'bookinfo', plural: 'virtualservices', name: 'reviews' }

describe('SIGKILL of the whole process group while a drain and an Istio delay are live', () => {
  let cluster: OutlivingCluster
  let baseline: ClusterBaseline
  let reviewsBefore: string
  let killed: EndingResult

  beforeAll(async () => {
    cluster = await startOutlivingCluster()
    baseline = await readBaseline(cluster.kc)
    reviewsBefore = JSON.stringify(((await cluster.kc.makeApiClient(CustomObjectsApi).getNamespacedCustomObject(REVIEWS)) as { spec: unknown }).spec)
  }, 120_000)

  afterAll(async () => {
    await cluster?.stop()
  })

  it('leaves the node cordoned and the delay in place: nothing ran the rollbacks', async () => {
    // the ungraceful endings are followed by recover inside runEnding; here the recover must wait, so end by hand
    killed = await runEnding(cluster, baseline, 'drain+delay', 'sigkill', { recover: false })
    expect(killed.exitCode).toBeUndefined()
    expect(killed.leftovers.cordons).toBe(1)
    expect(killed.leftovers.virtualServiceFaults).toBe(1)
  }, 180_000)

  it('makes the next chaos test run stop before it starts, naming the leftovers and `npx vitest-chaos recover`', async () => {
    const next = await runEnding(cluster, baseline, 'none', 'pass', { recover: false })
    expect(next.exitCode).toBe(1)
    expect(next.output).toMatch(/2 faults left by a run that is no longer alive: .*(Node chaos-worker2 \(cordon|VirtualService bookinfo\/reviews \(http-fault)/)
    expect(next.output).toContain('Undo them first with `npx vitest-chaos recover`')
  }, 180_000)

  it('is undone exactly by vitest-chaos recover (exit 0); a second recover exits 0 and changes nothing', async () => {
    const first = await runCli(['recover'], cluster.env)
    expect(first.stdout).toMatch(/^recovered +Node chaos-worker2: uncordoned; run .* is dead$/m)
    expect(first.stdout).toMatch(/^recovered +VirtualService bookinfo\/reviews: routes restored from the snapshot \(1 injected fault removed\)/m)
    expect(first.exitCode).toBe(0)
    const nodes = (await cluster.kc.makeApiClient(CoreV1Api).listNode()).items
    expect(nodes.filter((node) => node.spec?.unschedulable === true).map((node) => node.metadata?.name)).toEqual([])
    const reviewsAfter = JSON.stringify(((await cluster.kc.makeApiClient(CustomObjectsApi).getNamespacedCustomObject(REVIEWS)) as { spec: unknown }).spec)
    expect(reviewsAfter).toBe(reviewsBefore)

    const second = await runCli(['recover'], cluster.env)
    expect(second.exitCode).toBe(0)
    expect(second.stdout).toBe("nothing to recover on context 'emulated'")
  }, 120_000)
})
