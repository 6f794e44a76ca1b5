import { test as base } from 'vitest'
import { clusterFromEnv } from '../clusters/cluster-from-env.js'
import type { ClusterOptions, StartClusterOptions } from '../clusters/cluster-provider.js'
import { startCluster } from '../clusters/start-cluster.js'
import type { StartedCluster } from '../clusters/started-cluster.js'
import type { ActivityCatalog } from '../experiment/activity-function.js'
import { openChaosContext, type ChaosContext } from '../session/chaos-context.js'
import { bindScopeToTask, enterRunScope } from '../session/run-scope.js'
import { defineExperimentTest, type ExperimentTestOptions, type RegisterChaosTest } from './experiment-test.js'
import { useClusterEnv } from '../session/use-cluster-env.js'
import { chaosTimeoutMs, readPausesSeconds } from '../config/chaos-timeouts.js'
import { clusterProviderFor } from '../config/cluster-provider-for.js'
import { configuredTestTimeout } from './configured-timeout.js'
import { withDefaultTimeout } from './with-default-timeout.js'
import { checkClusterForLeftovers } from '../session/check-cluster-leftovers.js'
import './setup.js'

export interface ChaosTestOptions {
  /** `worker` (default): one cluster per worker; `file`: a fresh cluster per test file. */
  scope?: 'worker' | 'file'
  /** Cluster options over `clusterFromEnv()` (`CHAOS_CLUSTER`, emulated by default); `false` for experiments without Kubernetes. */
  cluster?: ClusterOptions | StartClusterOptions | false
  /** Folder for journals; default `.chaos/journals`. */
  journalDir?: string
  /** Replaces the drivers' catalog for python activities. */
  catalog?: ActivityCatalog
}

const startTestCluster = async (options: ChaosTestOptions, onCleanup: (fn: () => Promise<void>) => void): Promise<StartedCluster | undefined> => {
  if (options.cluster === false) return undefined
  const cluster = await startCluster({ ...clusterFromEnv(), ...options.cluster })
  const restoreEnv = useClusterEnv(cluster)
  onCleanup(async () => {
    restoreEnv()
    await cluster.stop()
  })
  await checkClusterForLeftovers(cluster)
  return cluster
}

const buildChaosTest = (options: ChaosTestOptions) => {
  // Vitest requires a destructuring pattern as a fixture's first parameter
  /* eslint-disable no-empty-pattern */
  const withCluster = (options.scope === 'file'
    ? base.extend('cluster', { scope: 'file', auto: true }, async ({}, { onCleanup }) => startTestCluster(options, onCleanup))
    : base.extend('cluster', { scope: 'worker', auto: true }, async ({}, { onCleanup }) => startTestCluster(options, onCleanup))) as ReturnType<
    typeof base.extend<'cluster', StartedCluster | undefined>
  >
  /* eslint-enable no-empty-pattern */
  return withCluster.extend('chaos', { auto: true }, ({ cluster, task, signal, annotate }, { onCleanup }): ChaosContext => {
    let testEnded = false
    const meta = (task.meta.chaos ??= { runs: [] })
    const { context, scope, close } = openChaosContext({
      signal,
      cluster,
      testPath: task.file.filepath,
      testName: task.fullTestName ?? task.name,
      journalDir: options.journalDir,
      catalog: options.catalog,
      record: (run) => meta.runs.push(run),
      annotate: (message, type) => (testEnded ? Promise.resolve() : annotate(message, type)),
    })
    onCleanup(async () => {
      testEnded = true
      await close()
    })
    // Vitest calls the test from the chain that resolved this fixture, so the test body inherits the scope;
    // concurrent tests run in chains of their own and never see it
    enterRunScope(scope)
    bindScopeToTask(task, scope)
    return context
  })
}

type ChaosTestAPI = ReturnType<typeof buildChaosTest> & {
  /** Registers a test that runs a Chaos Toolkit experiment file and checks its outcome. */
  experiment(path: string, options?: ExperimentTestOptions): void
}

/**
 * A `test` with a running cluster (`cluster`) and a per-test chaos context (`chaos`) whose rollbacks always run.
 *
 * @example
 * const chaosTest = createChaosTest({ scope: 'file', cluster: { provider: 'kind' } })
 *
 * // your own service next to bookinfo: on the emulated cluster the image `shop` runs as `node shop.mjs`
 * const shopTest = createChaosTest({ scope: 'file', cluster: { programs: { shop: { command: ['node', 'shop.mjs'] } }, manifests: ['k8s/shop.yaml'] } })
 */
export const createChaosTest = (options: ChaosTestOptions = {}): ChaosTestAPI => {
  // without a timeout of its own or a configured one, a test gets the cluster's start-up plus its pauses (floor 3 min)
  const provider = clusterProviderFor(options.cluster)
  const chaosTest = withDefaultTimeout(buildChaosTest(options), () => chaosTimeoutMs({ provider }))
  const experimentTimeout = (path: string) => configuredTestTimeout() ?? chaosTimeoutMs({ provider, pausesSeconds: readPausesSeconds(path) })
  return Object.assign(chaosTest, {
    experiment: (path: string, experimentOptions: ExperimentTestOptions = {}) =>
      defineExperimentTest(chaosTest as unknown as RegisterChaosTest, path, { ...experimentOptions, timeout: experimentOptions.timeout ?? experimentTimeout(path) }),
  })
}

/**
 * `test` for chaos experiments: a cluster per worker (`CHAOS_CLUSTER`, emulated by default) and rollbacks after each test.
 *
 * @example
 * chaosTest('bookinfo survives a node drain', async () => {
 *   await expect(app).toStaySteadyDuring(drainNode, { recoverWithin: '30s' })
 * })
 * chaosTest.experiment('fixtures/experiments/drain-nodes.json')
 */
export const chaosTest = createChaosTest()
