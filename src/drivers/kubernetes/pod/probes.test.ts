import { CoreV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const NS = 'pod-probes'
const probes = kubernetesCatalog['chaosk8s.pod.probes']!

let driver: DriverCluster
let core: CoreV1Api

beforeAll(async () => {
  driver = await startDriverCluster({ namespaces: [NS] })
  core = driver.core
  const apps = driver.apps
  await apps.createNamespacedDeployment({
    namespace: NS,
    body: {
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web', name: 'web' } }, spec: { containers: [{ name: 'main', image: 'idle:1' }] } },
      },
    },
  })
  await vi.waitFor(async () => expect((await apps.readNamespacedDeployment({ name: 'web', namespace: NS })).status?.readyReplicas).toBe(3), { timeout: 20_000, interval: 50 })
})

afterAll(async () => {
  await driver?.stop()
})

describe('pod probes on running pods', () => {
  it('all_pods_healthy, pods_in_phase, pods_not_in_phase and pods_in_conditions agree the pods run', async () => {
    expect(await driver.call(probes.all_pods_healthy, { ns: NS })).toBe(true)
    expect(await driver.call(probes.all_pods_healthy, { ns: 'empty-namespace' })).toBe(true)
    expect(await driver.call(probes.pods_in_phase, { label_selector: 'app=web', ns: NS })).toBe(true)
    await expect(driver.call(probes.pods_in_phase, { label_selector: 'app=web', ns: NS, phase: 'Pending' })).rejects.toThrow(
      "pod 'app=web' is in phase 'Running' but should be 'Pending'",
    )
    expect(await driver.call(probes.pods_not_in_phase, { label_selector: 'app=web', ns: NS, phase: 'Pending' })).toBe(true)
    expect(await driver.call(probes.pods_not_in_phase, { label_selector: 'app=web', ns: NS, raise_on_in_phase: false })).toBe(false)
    expect(await driver.call(probes.pods_in_conditions, { label_selector: 'app=web', ns: NS, conditions: [{ type: 'Ready', status: 'True' }] })).toBe(true)
    await expect(driver.call(probes.pods_in_phase, { label_selector: 'app=none', ns: NS })).rejects.toThrow("no pods 'app=none' were found")
  })

  it('count_pods and count_min_pods count the matching pods', async () => {
    expect(await driver.call(probes.count_pods, { label_selector: 'app=web', ns: NS })).toBe(3)
    expect(await driver.call(probes.count_pods, { label_selector: 'app=web', ns: NS, phase: 'Failed' })).toBe(0)
    expect(await driver.call(probes.count_min_pods, { label_selector: 'app=web', ns: NS, min_count: 3 })).toBe(true)
    expect(await driver.call(probes.count_min_pods, { label_selector: 'app=web', ns: NS, min_count: 4 })).toBe(false)
  })

  it('pod_is_not_available raises while a pod named so runs', async () => {
    await expect(driver.call(probes.pod_is_not_available, { name: 'web', ns: NS })).rejects.toThrow("pod 'web' is actually running")
    expect(await driver.call(probes.pod_is_not_available, { name: 'api', ns: NS })).toBe(true)
  })

  it('read_pod_logs returns each pod\'s log with timestamps, and should_be_found_in_logs searches them', async () => {
    const logs = (await driver.call(probes.read_pod_logs, { label_selector: 'app=web', ns: NS, last: '10 minutes' })) as Record<string, string>
    expect(Object.keys(logs)).toHaveLength(3)
    for (const [pod, text] of Object.entries(logs)) expect(text).toContain(`ready to serve as ${pod}`)
    expect(await driver.call(probes.should_be_found_in_logs, { pattern: 'ready to serve', value: logs })).toBe(true)
    expect(await driver.call(probes.should_be_found_in_logs, { pattern: 'panic', value: logs })).toBe(false)
    await expect(driver.call(probes.should_be_found_in_logs, { pattern: 'x', value: {} })).rejects.toThrow('no logs to search from')
  })
})

describe('all_pods_healthy with a pod that cannot run', () => {
  it('raise "the system is unhealthy", or return false when asked not to raise', async () => {
    await core.createNamespacedPod({
      namespace: NS,
      body: { metadata: { name: 'stuck' }, spec: { nodeSelector: { nowhere: 'true' }, containers: [{ name: 'main', image: 'idle:1' }] } },
    })
    try {
      await expect(driver.call(probes.all_pods_healthy, { ns: NS })).rejects.toThrow('the system is unhealthy')
      expect(await driver.call(probes.all_pods_healthy, { ns: NS, raise_on_any_unhealthy: false })).toBe(false)
    } finally {
      await core.deleteNamespacedPod({ name: 'stuck', namespace: NS, gracePeriodSeconds: 0 })
    }
  })
})
