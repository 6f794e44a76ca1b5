import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDriverCatalog } from '../drivers/load-driver-catalog.js'
import { startEmulatedCluster } from '../emulator/index.js'
import type { EmulatedCluster } from '../emulator/index.js'
import type { ActivityCatalog } from '../experiment/activity-function.js'
import type { SteadyStateHypothesis } from '../experiment/types.js'
import { waitForRecovery } from './wait-for-recovery.js'

const NS = 'recovery'
let cluster: EmulatedCluster
let core: CoreV1Api
let catalog: ActivityCatalog
const previousKubeconfig = process.env.KUBECONFIG

beforeAll(async () => {
  cluster = await startEmulatedCluster({ bookinfo: false })
  process.env.KUBECONFIG = cluster.kubeconfigPath
  const kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  core = kc.makeApiClient(CoreV1Api)
  await core.createNamespace({ body: { metadata: { name: NS } } })
  catalog = await loadDriverCatalog()
})

afterAll(async () => {
  if (previousKubeconfig === undefined) delete process.env.KUBECONFIG
  else process.env.KUBECONFIG = previousKubeconfig
  await cluster?.stop()
})

const twoPodsExist: SteadyStateHypothesis = {
  title: 'two pods exist',
  probes: [{ type: 'probe', name: 'two-pods', tolerance: 2, provider: { type: 'python', module: 'chaosk8s.pod.probes', func: 'count_pods', arguments: { label_selector: 'app=late', ns: NS } } }],
}

const pod = (name: string) => ({ metadata: { name, labels: { app: 'late' } }, spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] } })

describe('waitForRecovery', () => {
  it('checks again when an object the probes read changes, not only when its interval passes', async () => {
    await core.createNamespacedPod({ namespace: NS, body: pod('first') })
    // an interval longer than the test's timeout: only a watch event can end this wait in time
    const recovered = waitForRecovery(twoPodsExist, { withinMs: 10 * 60_000, intervalMs: 10 * 60_000, catalog })
    await core.createNamespacedPod({ namespace: NS, body: pod('second') })
    expect(await recovered).toEqual(expect.any(Number))
  })

  it('gives up with null once the bound has passed', async () => {
    const never: SteadyStateHypothesis = { ...twoPodsExist, probes: [{ ...twoPodsExist.probes![0]!, tolerance: 5 }] }
    expect(await waitForRecovery(never, { withinMs: 200, intervalMs: 50, catalog })).toBeNull()
  })
})
