import { AppsV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const NS = 'replica-sets'

let driver: DriverCluster
let apps: AppsV1Api

beforeAll(async () => {
  driver = await startDriverCluster({ namespaces: [NS] })
  apps = driver.apps
  await apps.createNamespacedDeployment({
    namespace: NS,
    body: {
      metadata: { name: 'web' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'main', image: 'idle:1' }] } } },
    },
  })
})

afterAll(async () => {
  await driver?.stop()
})

const POLL = { timeout: 10_000, interval: 50 }

const replicaSets = async () => (await apps.listNamespacedReplicaSet({ namespace: NS })).items.filter((r) => !r.metadata?.deletionTimestamp)

describe('delete_replica_set', () => {
  it('delete the ReplicaSets matching a label; the Deployment controller makes a new one', async () => {
    await expect.poll(async () => (await replicaSets()).length, POLL).toBeGreaterThan(0)
    const [before] = await replicaSets()
    expect(await driver.call(kubernetesCatalog['chaosk8s.replicaset.actions']!.delete_replica_set, { label_selector: 'app=web', ns: NS })).toBeNull()
    // the one ReplicaSet left is a new one
    await expect.poll(async () => (await replicaSets()).map((r) => r.metadata?.uid), POLL).toEqual([expect.not.stringMatching(`^${before!.metadata!.uid}$`)])
  })

  it('delete nothing when no name matches', async () => {
    const before = (await replicaSets()).map((r) => r.metadata!.uid)
    await driver.call(kubernetesCatalog['chaosk8s.actions']!.delete_replica_set, { name: 'ghost', ns: NS })
    expect((await replicaSets()).map((r) => r.metadata!.uid)).toEqual(before)
  })
})
