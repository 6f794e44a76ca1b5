import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulatedCluster, type EmulatedCluster } from '../../../emulator/index.js'
import { kubernetesCatalog } from '../catalog.js'
import { callActivity } from '../../../testing/call-activity.js'

const NS = 'replica-sets'

let cluster: EmulatedCluster
let apps: AppsV1Api

beforeAll(async () => {
  cluster = await startEmulatedCluster({ bookinfo: false, programs: new Map([['idle', () => Promise.resolve({ ports: {}, stop: () => Promise.resolve() })]]) })
  process.env.KUBECONFIG = cluster.kubeconfigPath
  const kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  apps = kc.makeApiClient(AppsV1Api)
  await kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: NS } } })
  await apps.createNamespacedDeployment({
    namespace: NS,
    body: {
      metadata: { name: 'web' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'main', image: 'idle:1' }] } } },
    },
  })
})

afterAll(async () => {
  await cluster?.stop()
})

const replicaSets = async () => (await apps.listNamespacedReplicaSet({ namespace: NS })).items.filter((r) => !r.metadata?.deletionTimestamp)

describe('delete_replica_set', () => {
  it('delete the ReplicaSets matching a label; the Deployment controller makes a new one', async () => {
    const deadline = Date.now() + 10_000
    while ((await replicaSets()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    const [before] = await replicaSets()
    expect(before).toBeDefined()
    expect(await callActivity(kubernetesCatalog['chaosk8s.replicaset.actions']!.delete_replica_set, { label_selector: 'app=web', ns: NS })).toBeNull()
    const replaced = Date.now() + 10_000
    let after = await replicaSets()
    while (!after.some((r) => r.metadata?.uid !== before!.metadata!.uid) && Date.now() < replaced) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      after = await replicaSets()
    }
    expect(after.map((r) => r.metadata?.uid)).not.toContain(before!.metadata!.uid)
    expect(after).toHaveLength(1)
  })

  it('delete nothing when no name matches', async () => {
    const before = (await replicaSets()).map((r) => r.metadata!.uid)
    await callActivity(kubernetesCatalog['chaosk8s.actions']!.delete_replica_set, { name: 'ghost', ns: NS })
    expect((await replicaSets()).map((r) => r.metadata!.uid)).toEqual(before)
  })
})
