import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppsV1Api, CoreV1Api, PolicyV1Api, type V1Node } from '@kubernetes/client-node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { deployIdle } from '../../../testing/deploy-idle.js'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const NS = 'node-actions'
const actions = kubernetesCatalog['chaosk8s.node.actions']!

let driver: DriverCluster
let core: CoreV1Api
let apps: AppsV1Api
let policy: PolicyV1Api
let workers: string[]

const POLL = { timeout: 20_000, interval: 50 }

const deploy = (name: string, replicas: number, podSpec: Record<string, unknown> = {}) =>
  deployIdle({ apps, core }, NS, name, replicas, { terminationGracePeriodSeconds: 1, ...podSpec })

const podsOn = async (node: string, app: string) =>
  (await core.listNamespacedPod({ namespace: NS, labelSelector: `app=${app}`, fieldSelector: `spec.nodeName=${node}` })).items.filter((p) => !p.metadata?.deletionTimestamp)

const hostOf = async (app: string): Promise<string | undefined> => {
  for (const node of workers) if ((await podsOn(node, app)).length > 0) return node
  return undefined
}

const aHostOf = async (app: string): Promise<string> => {
  await expect.poll(() => hostOf(app), POLL).toBeDefined()
  return (await hostOf(app))!
}

const unschedulable = async () =>
  Object.fromEntries((await core.listNode()).items.map((n: V1Node) => [n.metadata!.name!, n.spec?.unschedulable === true]))

beforeAll(async () => {
  process.env.CHAOS_LEDGER = join(await mkdtemp(join(tmpdir(), 'node-actions-')), 'ledger.jsonl')
  driver = await startDriverCluster({ namespaces: [NS] })
  core = driver.core
  apps = driver.apps
  policy = driver.kc.makeApiClient(PolicyV1Api)
  const nodes = (await core.listNode()).items
  workers = nodes.filter((n) => !(n.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule')).map((n) => n.metadata!.name!)
})

afterAll(async () => {
  await driver?.stop()
})

afterEach(async () => {
  for (const node of (await core.listNode()).items) {
    if (node.spec?.unschedulable) await core.patchNode({ name: node.metadata!.name!, body: [{ op: 'remove', path: '/spec/unschedulable' }] })
  }
  for (const d of (await apps.listNamespacedDeployment({ namespace: NS })).items) await apps.deleteNamespacedDeployment({ name: d.metadata!.name!, namespace: NS })
  for (const p of (await core.listNamespacedPod({ namespace: NS })).items) await core.deleteNamespacedPod({ name: p.metadata!.name!, namespace: NS, gracePeriodSeconds: 0 })
  for (const b of (await policy.listNamespacedPodDisruptionBudget({ namespace: NS })).items) await policy.deleteNamespacedPodDisruptionBudget({ name: b.metadata!.name!, namespace: NS })
})

describe('cordon_node and uncordon_node', () => {
  it('cordon one node by name, and uncordon every node when called without a selector', async () => {
    expect(workers.length).toBeGreaterThan(1)
    const [target] = workers
    expect(await driver.call(actions.cordon_node, { name: target })).toEqual([target])
    const cordoned = await unschedulable()
    expect(Object.entries(cordoned).filter(([, on]) => on).map(([name]) => name)).toEqual([target])

    await driver.call(actions.cordon_node, {})
    expect(Object.values(await unschedulable()).every(Boolean)).toBe(true)
    const all = (await driver.call(actions.uncordon_node)) as string[]
    expect(all.sort()).toEqual(Object.keys(cordoned).sort())
    expect(Object.values(await unschedulable()).some(Boolean)).toBe(false)
  })

  it('record each cordon on the node (and whether it was unschedulable before) and in the local ledger; uncordon clears it', async () => {
    const target = workers[0]!
    const ours = async () => Object.fromEntries(Object.entries((await core.readNode({ name: target })).metadata?.annotations ?? {}).filter(([key]) => key.startsWith('vitest-chaos.io/')))
    await driver.call(actions.cordon_node, { name: target })
    await driver.call(actions.cordon_node, { name: target })
    expect(await ours()).toMatchObject({ 'vitest-chaos.io/fault': 'cordon', 'vitest-chaos.io/was-unschedulable': 'false', 'vitest-chaos.io/pid': String(process.pid) })
    const ledger = (await readFile(process.env.CHAOS_LEDGER!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { event: string; target: { name: string } })
    expect(ledger.filter((entry) => entry.target.name === target).map((entry) => entry.event).slice(-4)).toEqual(['intent', 'applied', 'intent', 'applied'])
    await driver.call(actions.uncordon_node, { name: target })
    expect(await ours()).toEqual({})
  })

  it('fail with chaosk8s\' message when no node matches the selector', async () => {
    await expect(driver.call(actions.uncordon_node, { label_selector: 'no-such-label=1' })).rejects.toThrow('failed to find a node that matches selector')
    await expect(driver.call(actions.cordon_node, { name: 'no-such-node' })).rejects.toThrow('failed to find a node that matches selector')
  })
})

describe('drain_nodes', () => {
  it('cordon the node, evict its managed pods (they come back elsewhere) and return the node name', async () => {
    await deploy('web', 4)
    const target = await aHostOf('web')
    const result = await driver.call(actions.drain_nodes, { name: target, timeout: 30 })
    expect(result).toEqual([target])
    expect((await unschedulable())[target]).toBe(true)
    const all = await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=web' })
    expect(all.items.filter((p) => p.spec?.nodeName === target)).toEqual([])
    await expect.poll(async () => (await apps.readNamespacedDeployment({ name: 'web', namespace: NS })).status?.readyReplicas, POLL).toBe(4)
  })

  it('skip pods with an emptyDir volume unless delete_pods_with_local_storage is true', async () => {
    await deploy('scratch', 3, { volumes: [{ name: 'tmp', emptyDir: {} }] })
    const target = await aHostOf('scratch')
    const before = (await podsOn(target, 'scratch')).map((p) => p.metadata!.uid)
    await driver.call(actions.drain_nodes, { name: target, timeout: 30 })
    expect((await podsOn(target, 'scratch')).map((p) => p.metadata!.uid)).toEqual(before)

    await driver.call(actions.drain_nodes, { name: target, timeout: 30, delete_pods_with_local_storage: true })
    expect(await podsOn(target, 'scratch')).toEqual([])
  })

  it('refuse an unmanaged pod and leave the node cordoned', async () => {
    const target = workers[0]!
    await core.createNamespacedPod({
      namespace: NS,
      body: { metadata: { name: 'loner', labels: { app: 'loner' } }, spec: { nodeName: target, terminationGracePeriodSeconds: 1, containers: [{ name: 'main', image: 'idle:1' }] } },
    })
    await expect(driver.call(actions.drain_nodes, { name: target })).rejects.toThrow(
      `Pod 'loner' on node '${target}' is unmanaged, cannot drain this node. Delete it manually first?`,
    )
    expect((await unschedulable())[target]).toBe(true)
    expect((await core.readNamespacedPod({ name: 'loner', namespace: NS })).metadata?.deletionTimestamp).toBeUndefined()
  })

  it('fail at once when a PodDisruptionBudget refuses the eviction (429), without retrying', async () => {
    await deploy('guarded', 1)
    await policy.createNamespacedPodDisruptionBudget({
      namespace: NS,
      body: { metadata: { name: 'guarded-pdb' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } } },
    })
    const pod = (await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=guarded' })).items[0]!
    await expect.poll(async () => (await policy.readNamespacedPodDisruptionBudget({ name: 'guarded-pdb', namespace: NS })).status?.currentHealthy, POLL).toBe(1)
    const failure = driver.call(actions.drain_nodes, { name: pod.spec!.nodeName!, timeout: 600 })
    await expect(failure).rejects.toThrow(`Failed to evict pod ${pod.metadata!.name}: `)
    await expect(failure).rejects.toThrow(/disruption budget/)
    const still = await core.readNamespacedPod({ name: pod.metadata!.name!, namespace: NS })
    expect(still.metadata?.uid).toBe(pod.metadata?.uid)
    expect(still.metadata?.deletionTimestamp).toBeUndefined()
  })

  it('select nodes hosting matching pods, and pick `count` nodes at random', async () => {
    await deploy('single', 1)
    const pod = (await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=single' })).items[0]!
    const host = pod.spec!.nodeName!
    expect(await driver.call(actions.drain_nodes, { pod_label_selector: 'app=single', pod_namespace: NS, timeout: 30 })).toEqual([host])
    await driver.call(actions.uncordon_node)
    const picked = (await driver.call(actions.drain_nodes, { name: workers[1], count: 2, timeout: 30 })) as string[]
    expect(picked).toEqual([workers[1], workers[1]])
  })

  it('fail with chaosk8s\' message when no node matches', async () => {
    await expect(driver.call(actions.drain_nodes, { label_selector: 'no-such-label=1' })).rejects.toThrow('failed to find a node that matches selector')
  })
})

describe('create_node and delete_nodes', () => {
  it('create a node, then delete it by label (the first match by default)', async () => {
    const created = (await driver.call(actions.create_node, { meta: { name: 'extra-node', labels: { pool: 'extra' } } })) as { metadata: { name: string } }
    expect(created.metadata.name).toBe('extra-node')
    expect(await driver.call(actions.delete_nodes, { label_selector: 'pool=extra' })).toEqual(['extra-node'])
    await expect(core.readNode({ name: 'extra-node' })).rejects.toMatchObject({ code: 404 })
  })

  it('fail on all=true as chaosk8s does', async () => {
    await expect(driver.call(actions.delete_nodes, { all: true })).rejects.toThrow(/cannot unpack/)
  })
})
