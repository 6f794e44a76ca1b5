import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals'
import { basename } from 'node:path'
import { clusterFromEnv } from '../clusters/cluster-from-env.js'
import type { ClusterOptions, StartClusterOptions } from '../clusters/cluster-provider.js'
import { startCluster } from '../clusters/start-cluster.js'
import type { StartedCluster } from '../clusters/started-cluster.js'
import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { ChaosContext } from '../session/chaos-context.js'
import { expectOutcome, type ExpectedOutcome } from '../session/expect-outcome.js'
import { runInScope } from '../session/run-scope.js'
import { useClusterEnv } from '../session/use-cluster-env.js'
import { checkClusterForLeftovers } from '../session/check-cluster-leftovers.js'
import type { RunOptions } from '../run/run-options.js'
import { CHAOS_TIMEOUT_FLOOR_MS, chaosTimeoutMs, clusterStartAllowanceMs, readPausesSeconds } from '../config/chaos-timeouts.js'
import { clusterProviderFor } from '../config/cluster-provider-for.js'
import { endTestContext, openTestContext, type OpenTestContext } from './open-test-context.js'
import './setup.js'

export interface JestChaosTestOptions {
  /** Cluster options over `clusterFromEnv()`; `false` for experiments without Kubernetes. One cluster per test file. */
  cluster?: ClusterOptions | StartClusterOptions | false
  journalDir?: string
  catalog?: ActivityCatalog
  /** How long the cluster may take to start, in ms; default 120 s (emulated, existing) or 10 min (kind, k3s). */
  startTimeout?: number
  /** Timeout of each test without its own, in ms; default the cluster's start-up plus the experiment's pauses plus 2 min, at least 3 min. */
  timeout?: number
}

type ChaosTestFn = (context: { chaos: ChaosContext; cluster: StartedCluster | undefined }) => Promise<void>

export interface JestChaosTest {
  (name: string, fn: ChaosTestFn, timeout?: number): void
  /**
   * Like Jest's `test.concurrent`: runs alongside the other concurrent tests of the file, each recording only its own runs.
   * Its rollbacks run when its body ends (Jest runs no `afterEach` per concurrent test), and in `afterAll` after a timeout.
   */
  concurrent(name: string, fn: ChaosTestFn, timeout?: number): void
  /** Like Jest's `test.failing`: passes when the test fails (a known weakness); rollbacks still run. */
  failing(name: string, fn: ChaosTestFn, timeout?: number): void
  /** Registers a test that runs a Chaos Toolkit file and checks its outcome (default `steady`). */
  experiment(path: string, options?: { expect?: ExpectedOutcome; name?: string; options?: RunOptions; timeout?: number }): void
}

/**
 * Jest's `chaosTest`: a cluster per test file (`CHAOS_CLUSTER`, emulated by default) and a `chaos` context per test whose
 * runs are interrupted and rolled back in `afterEach`, also after a timeout.
 *
 * @example
 * const chaosTest = createChaosTest()
 * chaosTest('survives a drain', async () => { await expect(app).toStaySteadyDuring(drainNode) }, 120_000)
 */
export const createChaosTest = (options: JestChaosTestOptions = {}): JestChaosTest => {
  let cluster: StartedCluster | undefined
  let restoreEnv: (() => void) | undefined
  let current: OpenTestContext | undefined
  // concurrent tests' contexts, closed by their own body or, after a timeout, by afterAll
  const concurrentOpen = new Set<OpenTestContext>()
  const provider = clusterProviderFor(options.cluster)
  const timeoutFor = (pausesSeconds = 0) => options.timeout ?? chaosTimeoutMs({ provider, pausesSeconds })
  beforeAll(async () => {
    if (options.cluster === false) return
    cluster = await startCluster({ ...clusterFromEnv(), ...options.cluster })
    restoreEnv = useClusterEnv(cluster)
    await checkClusterForLeftovers(cluster)
  }, options.startTimeout ?? Math.max(120_000, clusterStartAllowanceMs(provider)))
  afterAll(async () => {
    await Promise.allSettled([...concurrentOpen].map(endTestContext))
    restoreEnv?.()
    await cluster?.stop()
  }, Math.max(CHAOS_TIMEOUT_FLOOR_MS, clusterStartAllowanceMs(provider)))
  afterEach(async () => {
    const ending = current
    current = undefined
    if (ending) await endTestContext(ending)
  }, CHAOS_TIMEOUT_FLOOR_MS)
  const open = (testName: string | undefined) => openTestContext(options, cluster, testName)
  // the body runs in the test's own scope, so matchers record on this test even while others run
  const withContext = (fn: ChaosTestFn) => async () => {
    const { context, scope, entry } = open(expect.getState().currentTestName)
    current = entry
    await runInScope(scope, () => fn({ chaos: context, cluster }))
  }
  // Jest starts concurrent bodies before it names the running test, so the registered name is the one used
  const withConcurrentContext = (name: string, fn: ChaosTestFn) => async () => {
    const { context, scope, entry } = open(name)
    concurrentOpen.add(entry)
    try {
      await runInScope(scope, () => fn({ chaos: context, cluster }))
    } finally {
      concurrentOpen.delete(entry)
      await endTestContext(entry)
    }
  }
  const chaosTest = (name: string, fn: ChaosTestFn, timeout?: number) => test(name, withContext(fn), timeout ?? timeoutFor())
  return Object.assign(chaosTest, {
    concurrent: (name: string, fn: ChaosTestFn, timeout?: number) => test.concurrent(name, withConcurrentContext(name, fn), timeout ?? timeoutFor()),
    failing: (name: string, fn: ChaosTestFn, timeout?: number) => test.failing(name, withContext(fn), timeout ?? timeoutFor()),
    experiment: (path: string, experiment: { expect?: ExpectedOutcome; name?: string; options?: RunOptions; timeout?: number } = {}) =>
      chaosTest(experiment.name ?? `experiment ${basename(path)}`, async ({ chaos }) => expectOutcome(expect, await chaos.runFile(path, experiment.options), experiment.expect ?? 'steady'), experiment.timeout ?? timeoutFor(readPausesSeconds(path))),
  })
}

let defaultChaosTest: JestChaosTest | undefined
const defaultTest = (): JestChaosTest => (defaultChaosTest ??= createChaosTest())

/**
 * `createChaosTest()` with the defaults, created on first use in a test file.
 *
 * @example
 * chaosTest.experiment('fixtures/experiments/drain-nodes.json', { timeout: 120_000 })
 */
export const chaosTest: JestChaosTest = Object.assign((...args: Parameters<JestChaosTest>) => defaultTest()(...args), {
  concurrent: (...args: Parameters<JestChaosTest['concurrent']>) => defaultTest().concurrent(...args),
  failing: (...args: Parameters<JestChaosTest['failing']>) => defaultTest().failing(...args),
  experiment: (...args: Parameters<JestChaosTest['experiment']>) => defaultTest().experiment(...args),
})
