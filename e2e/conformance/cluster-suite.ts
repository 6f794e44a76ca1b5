// One conformance suite for every cluster provider (hono's runTest shape): drain and uncordon, pod kill and
// replacement, VirtualService delay and removal, steady-state probes. Skips always print their reason.
import type { V1Pod } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest'
import { waitForDeploymentsAvailable } from '../../src/clusters/readiness.js'
import type { StartedCluster } from '../../src/clusters/started-cluster.js'
import { mergeCatalogs } from '../../src/experiment/activity-function.js'
import type { Experiment } from '../../src/experiment/types.js'
import { driverCatalog } from '../../src/drivers/catalog.js'
import { loadCatalog } from '../../src/drivers/load/catalog.js'
import { startLoad } from '../../src/drivers/load/start-load.js'
import { runExperiment } from '../../src/run/run-experiment.js'
import { callDriver, isPodReady, kubeClient, NS, timeProductPage, watchBookinfoPods } from './cluster-checks.js'

export const CONFORMANCE_TESTS = ['steady-state probes', 'drain and uncordon', 'pod kill and replacement', 'VirtualService delay and removal'] as const
export type ConformanceTest = (typeof CONFORMANCE_TESTS)[number]

export interface ClusterSuiteOptions {
  provider: string
  start: () => Promise<StartedCluster>
  /** The whole provider cannot run here (no Docker daemon, no kind…). */
  unavailable?: string
  skip?: { reason: string; tests: ConformanceTest[] }[]
}

const skipReason = (options: ClusterSuiteOptions, test: ConformanceTest) =>
  options.unavailable ?? options.skip?.find((entry) => entry.tests.includes(test))?.reason

export const runClusterSuite = (options: ClusterSuiteOptions): void => {
  if (options.unavailable) console.warn(`[conformance] ${options.provider}: every test skipped: ${options.unavailable}`)
  describe(`cluster conformance: ${options.provider}`, () => {
    let cluster: StartedCluster
    let savedKubeconfig: string | undefined
    const client = () => kubeClient(cluster.kubeconfig)
    const ready = (timeoutMs = 180_000) => waitForDeploymentsAvailable(client().kc, NS, 1, { timeoutMs, provider: options.provider })

    beforeAll(async () => {
      if (options.unavailable) return
      cluster = await options.start()
      savedKubeconfig = process.env.KUBECONFIG
      // the drivers, like chaosk8s, find the cluster through KUBECONFIG
      process.env.KUBECONFIG = cluster.kubeconfigPath
    }, 900_000)

    afterAll(async () => {
      if (options.unavailable || !cluster) return
      if (savedKubeconfig === undefined) delete process.env.KUBECONFIG
      else process.env.KUBECONFIG = savedKubeconfig
      await cluster.stop()
    }, 300_000)

    const conformance = (test: ConformanceTest, body: (context: TestContext) => Promise<void>) => {
      const reason = skipReason(options, test)
      if (reason !== undefined && !options.unavailable) console.warn(`[conformance] ${options.provider} / ${test}: skipped: ${reason}`)
      it.skipIf(reason !== undefined)(`${test}${reason ? ` (skipped: ${reason})` : ''}`, body)
    }

    conformance('steady-state probes', async () => {
      const experiment: Experiment = {
        title: 'bookinfo is healthy',
        description: 'conformance: the steady-state probes of the seed experiments hold on a fresh cluster',
        'steady-state-hypothesis': {
          title: 'every bookinfo pod is healthy and the product page answers',
          probes: [
            { type: 'probe', name: 'all-pods-healthy', tolerance: true, provider: { type: 'python', module: 'chaosk8s.pod.probes', func: 'all_pods_healthy', arguments: { ns: NS } } },
            { type: 'probe', name: 'product-page-answers', tolerance: 200, provider: { type: 'http', url: `${cluster.urls.productPage}/productpage`, timeout: 10 } },
          ],
        },
        method: [
          { type: 'probe', name: 'productpage-running', provider: { type: 'python', module: 'chaosk8s.pod.probes', func: 'pods_in_phase', arguments: { label_selector: 'app=productpage', phase: 'Running', ns: NS } } },
        ],
      }
      const journal = await runExperiment(experiment, { mode: 'strict', catalog: mergeCatalogs(driverCatalog, loadCatalog) })
      expect(journal.status).toBe('completed')
      expect(journal.deviated).toBe(false)
      expect(journal.steady_states.before?.steady_state_met).toBe(true)
      expect(journal.steady_states.after?.steady_state_met).toBe(true)
      expect(journal.run[0]).toMatchObject({ status: 'succeeded', output: true })
    })

    conformance('drain and uncordon', async () => {
      const { core, kc } = client()
      const productpage = (await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=productpage' })).items[0]!
      const node = productpage.spec!.nodeName!
      try {
        await callDriver('chaosk8s.node.actions', 'drain_nodes', { name: node, delete_pods_with_local_storage: true, timeout: 120 })
        expect((await core.readNode({ name: node })).spec?.unschedulable).toBe(true)
        await watchBookinfoPods(kc, `bookinfo pods off ${node} and Ready elsewhere`, (pods: V1Pod[]) =>
          pods.length > 0 && pods.every((pod) => pod.spec?.nodeName !== node || pod.metadata?.deletionTimestamp !== undefined) &&
          pods.filter((pod) => pod.metadata?.labels?.app === 'productpage').some(isPodReady))
        await ready()
        const placed = (await core.listNamespacedPod({ namespace: NS })).items.filter((pod) => !pod.metadata?.deletionTimestamp)
        expect(placed.filter((pod) => pod.spec?.nodeName === node)).toEqual([])
        // on a real cluster the ingress gateway may have been on the drained node too
        await expect.poll(async () => (await timeProductPage(cluster.urls.productPage!).catch(() => ({ status: 0 }))).status, { timeout: 120_000, interval: 250 }).toBe(200)
      } finally {
        // the rollback, whatever happened above, so later tests get every node back
        await callDriver('chaosk8s.node.actions', 'uncordon_node', { name: node })
      }
      expect((await core.readNode({ name: node })).spec?.unschedulable ?? false).toBe(false)
    })

    conformance('pod kill and replacement', async () => {
      const { core, kc } = client()
      const before = (await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=details' })).items.map((pod) => pod.metadata!.name!)
      expect(before.length).toBeGreaterThanOrEqual(1)
      await callDriver('chaosk8s.pod.actions', 'terminate_pods', { label_selector: 'app=details', ns: NS, qty: 1 })
      await watchBookinfoPods(kc, 'a replacement details pod Ready', (pods) => {
        const details = pods.filter((pod) => pod.metadata?.labels?.app === 'details')
        return details.some((pod) => !before.includes(pod.metadata!.name!) && isPodReady(pod)) && details.filter(isPodReady).length >= before.length
      })
      const after = (await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=details' })).items
        .filter((pod) => !pod.metadata?.deletionTimestamp).map((pod) => pod.metadata!.name!)
      expect(after.length).toBe(before.length)
      expect(after.filter((name) => !before.includes(name)).length).toBeGreaterThanOrEqual(1)
    })

    conformance('VirtualService delay and removal', async (context) => {
      if (!cluster.istio) {
        const reason = cluster.istioUnavailableReason ?? 'Istio is not available on this cluster'
        console.warn(`[conformance] ${options.provider} / VirtualService delay and removal: skipped: ${reason}`)
        return context.skip(reason)
      }
      const base = cluster.urls.productPage!
      const route = { routes: [{ destination: { host: 'reviews', subset: 'v3' } }], virtual_service_name: 'reviews', ns: NS }
      let faulted = false
      const load = startLoad({ url: base, path: '/productpage', connections: 2, overallRate: 4, timeoutMs: 10_000, maxDurationMs: 170_000 })
      try {
        expect((await timeProductPage(base)).status).toBe(200)
        await expect.poll(() => load.sent, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(4)
        // a phase starts at the change; the mesh may apply it a moment later, so hold each phase past that point
        load.mark('fault')
        faulted = true
        await callDriver('chaosistio.fault.actions', 'add_delay_fault', { ...route, fixed_delay: '1.5s', percentage: 100 })
        await expect.poll(async () => (await timeProductPage(base)).ms, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(1400)
        const delayed = load.sent
        await expect.poll(() => load.sent - delayed, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(6)
        load.mark('recovery')
        await callDriver('chaosistio.fault.actions', 'remove_delay_fault', route)
        faulted = false
        await expect.poll(async () => (await timeProductPage(base)).ms, { timeout: 60_000, interval: 100 }).toBeLessThan(1000)
        const recovered = load.sent
        await expect.poll(() => load.sent - recovered, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(10)
      } finally {
        await load.stop()
        if (faulted) await callDriver('chaosistio.fault.actions', 'remove_delay_fault', route)
      }
      const report = await load.finished
      console.warn(`[conformance] ${options.provider}: product page latency (ms) by phase under a 1.5 s reviews delay: ${JSON.stringify({ baseline: report.phases.baseline?.latencyMs, fault: report.phases.fault?.latencyMs, recovery: report.phases.recovery?.latencyMs })}`)
      expect(report.phases.baseline!.latencyMs.max).toBeLessThan(1400)
      expect(report.phases.fault!.latencyMs.p50).toBeGreaterThanOrEqual(1400)
      expect(report.phases.recovery!.latencyMs.p50).toBeLessThan(1400)
      expect(report.total.errorRate).toBe(0)
    })
  })
}
