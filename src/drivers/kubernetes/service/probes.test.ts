import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulatedCluster, type EmulatedCluster } from '../../../emulator/index.js'
import { kubernetesCatalog } from '../catalog.js'
import { callActivity } from '../../../testing/call-activity.js'

const NS = 'services'

let cluster: EmulatedCluster

beforeAll(async () => {
  cluster = await startEmulatedCluster({ bookinfo: false })
  process.env.KUBECONFIG = cluster.kubeconfigPath
  const kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  const core = kc.makeApiClient(CoreV1Api)
  await core.createNamespace({ body: { metadata: { name: NS } } })
  await core.createNamespacedService({ namespace: NS, body: { metadata: { name: 'ratings', labels: { app: 'ratings' } }, spec: { selector: { app: 'ratings' }, ports: [{ port: 9080 }] } } })
})

afterAll(async () => {
  await cluster?.stop()
})

describe('service_is_initialized', () => {
  it('find a Service by name, by label, or both', async () => {
    const probe = kubernetesCatalog['chaosk8s.service.probes']!.service_is_initialized
    expect(await callActivity(probe, { name: 'ratings', ns: NS })).toBe(true)
    expect(await callActivity(probe, { label_selector: 'app=ratings', ns: NS })).toBe(true)
    expect(await callActivity(probe, { name: 'ratings', label_selector: 'app=ratings', ns: NS })).toBe(true)
    await expect(callActivity(probe, { name: 'reviews', ns: NS })).rejects.toThrow("service 'reviews' is not initialized")
    expect(await callActivity(probe, { name: 'reviews', ns: NS, raise_if_service_not_initialized: false })).toBe(false)
  })

  it('is also reachable under chaosk8s.probes', () => {
    expect(kubernetesCatalog['chaosk8s.probes']!.service_is_initialized).toBe(kubernetesCatalog['chaosk8s.service.probes']!.service_is_initialized)
  })
})
