import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
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

  it('does not count a success that the next checks contradict: the hypothesis must go on holding for settleMs', async () => {
    // the first answer is a stale 200 (the state before the fault), the next three fail, then the service is back
    const answers = [200, 503, 503, 503]
    let served = 0
    const server = createServer((_request, response) => {
      response.writeHead(answers[served++] ?? 200).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
      const answersOk: SteadyStateHypothesis = { title: 'the service answers', probes: [{ type: 'probe', name: 'answers', tolerance: 200, provider: { type: 'http', url } }] }
      const recovered = await waitForRecovery(answersOk, { withinMs: 60_000, intervalMs: 20, settleMs: 200, catalog })
      expect(recovered).toEqual(expect.any(Number))
      expect(served).toBeGreaterThan(answers.length + 1)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
