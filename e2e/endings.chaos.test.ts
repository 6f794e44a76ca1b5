// One run of each way a chaos test can end, each with a fault live, against `vitest-chaos cluster up` in its own
// process: nothing may be left behind (after `vitest-chaos recover` for the endings that skip rollbacks on purpose).
// `npm run soak` runs every fault with every ending N times and prints the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBaseline, startOutlivingCluster, type ClusterBaseline, type OutlivingCluster } from './support/outliving-cluster.js'
import { runEnding, type Ending, type SoakFault } from './support/run-ending.js'

const CASES: Array<[Ending, SoakFault]> = [
  ['pass', 'drain'],
  ['assertion', 'pod-kill'],
  ['throw', 'istio-delay'],
  ['timeout', 'istio-abort'],
  ['sigint', 'istio-abort'],
  ['sigterm', 'drain'],
  ['second-sigint', 'istio-delay'],
  ['sigkill', 'drain'],
]

describe('every ending of a chaos test leaves the cluster as it was', () => {
  let cluster: OutlivingCluster
  let baseline: ClusterBaseline

  beforeAll(async () => {
    cluster = await startOutlivingCluster()
    baseline = await readBaseline(cluster.kc)
  }, 120_000)

  afterAll(async () => {
    await cluster?.stop()
  })

  it.each(CASES)('ending by %s with %s live', async (ending, fault) => {
    const result = await runEnding(cluster, baseline, fault, ending)
    expect(result.leftovers, result.output).toEqual({ cordons: 0, virtualServiceFaults: 0, wrongReplicas: 0 })
    if (ending === 'pass') expect(result.exitCode).toBe(0)
    if (['assertion', 'throw', 'timeout'].includes(ending)) expect(result.exitCode).toBe(1)
    if (result.recover) expect(result.recover.exitCode, result.recover.stdout).toBe(0)
    // the worker finishes its rollback through the second Ctrl-C (only SIGKILL leaves work for recover)
    if (ending === 'second-sigint') expect(result.recover?.stdout, result.output).toContain('nothing to recover')
  }, 240_000)
})
