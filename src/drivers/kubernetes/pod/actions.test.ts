import { AppsV1Api, CoreV1Api, type V1Pod } from '@kubernetes/client-node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { deployIdle, waitForDeploymentReady } from '../../../testing/deploy-idle.js'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const NS = 'pod-actions'
const actions = kubernetesCatalog['chaosk8s.pod.actions']!

let driver: DriverCluster
let core: CoreV1Api
let apps: AppsV1Api

const live = (pods: V1Pod[]) => pods.filter((p) => !p.metadata?.deletionTimestamp)
const livePods = async (app: string) => live((await core.listNamespacedPod({ namespace: NS, labelSelector: `app=${app}` })).items)

const waitForReady = (name: string, replicas: number) => waitForDeploymentReady({ apps, core }, NS, name, replicas)
const deploy = (name: string, replicas: number) => deployIdle({ apps, core }, NS, name, replicas)

const terminating = async (names: string[]) => {
  const states = await Promise.all(
    names.map((name) => core.readNamespacedPod({ name, namespace: NS }).then((p) => (p.metadata?.deletionTimestamp ? 'terminating' : 'alive'), () => 'gone')),
  )
  return states.every((state) => state !== 'alive')
}

beforeAll(async () => {
  driver = await startDriverCluster({ namespaces: [NS] })
  core = driver.core
  apps = driver.apps
  await deploy('ratings-v1', 2)
  await deploy('ratings-v2', 6)
})

afterAll(async () => {
  await driver?.stop()
})

beforeEach(async () => {
  await waitForReady('ratings-v1', 2)
  await waitForReady('ratings-v2', 6)
})

describe('terminate_pods', () => {
  it('terminate 50 % of the pods whose name matches, at random: 3 of 6 ratings-v2 (the seed experiment)', async () => {
    const before = (await livePods('ratings-v2')).map((p) => p.metadata!.name!)
    const killed = (await driver.call(actions.terminate_pods, { ns: NS, label_selector: 'app in (ratings-v1,ratings-v2)', name_pattern: 'ratings-v2', rand: true, mode: 'percentage', qty: 50 })) as string[]
    expect(killed).toHaveLength(3)
    expect(new Set(killed).size).toBe(3)
    for (const name of killed) expect(before).toContain(name)
    expect(await terminating(killed)).toBe(true)
    expect(await livePods('ratings-v1')).toHaveLength(2)
  })

  it('terminate the first `qty` pods in API (name) order by default, or the oldest first', async () => {
    // terminating pods are candidates too, as in chaosk8s (no phase filter)
    const allPods = async () => (await core.listNamespacedPod({ namespace: NS, labelSelector: 'app=ratings-v2' })).items
    const names = (await allPods()).map((p) => p.metadata!.name!)
    expect(await driver.call(actions.terminate_pods, { ns: NS, label_selector: 'app=ratings-v2', qty: 2 })).toEqual(names.slice(0, 2))
    await waitForReady('ratings-v2', 6)
    const pods = await allPods()
    const created = (name: string | undefined) => new Date(pods.find((p) => p.metadata!.name === name)!.metadata!.creationTimestamp!).getTime()
    const oldest = Math.min(...pods.map((p) => created(p.metadata!.name)))
    const [victim] = (await driver.call(actions.terminate_pods, { ns: NS, label_selector: 'app=ratings-v2', order: 'oldest' })) as string[]
    expect(created(victim)).toBe(oldest)
  })

  it('terminate every matching pod with all=true, and remove them at once with grace_period 0', async () => {
    const killed = (await driver.call(actions.terminate_pods, { ns: NS, label_selector: 'app=ratings-v1', all: true, qty: 0, grace_period: 0 })) as string[]
    expect(killed).toHaveLength(2)
    for (const name of killed) await expect(core.readNamespacedPod({ name, namespace: NS })).rejects.toMatchObject({ code: 404 })
  })

  it('return [] and change nothing when no pod matches', async () => {
    expect(await driver.call(actions.terminate_pods, { ns: NS, label_selector: 'app=nothing' })).toEqual([])
    expect(await driver.call(actions.terminate_pods, { ns: NS, name_pattern: '^zzz' })).toEqual([])
    expect(await livePods('ratings-v2')).toHaveLength(6)
  })

  it('strict mode: fail a kill that selects no pod, naming the function, namespace, selector and the labels that exist', async () => {
    const typo = driver.call(actions.terminate_pods, { ns: NS, label_selector: 'app=ratingz' }, { strict: true })
    await expect(typo).rejects.toThrow(/^terminate_pods: no pod in namespace 'pod-actions' matches label_selector 'app=ratingz', so the fault would do nothing; the \d+ pods there carry app=ratings-v1, app=ratings-v2\. Fix the selector/)
    await expect(driver.call(actions.delete_pods, { ns: NS, name: '^zzz' }, { strict: true })).rejects.toThrow("delete_pods: no pod in namespace 'pod-actions' matches name_pattern '^zzz'")
    expect(await driver.call(actions.terminate_pods, { ns: NS, label_selector: 'app=ratingz', qty: 0 }, { strict: true })).toEqual([])
    expect(await livePods('ratings-v2')).toHaveLength(6)
  })

  it('refuse a negative qty, an unknown mode or order with chaosk8s\' messages', async () => {
    await expect(driver.call(actions.terminate_pods, { ns: NS, qty: -1 })).rejects.toThrow("Cannot select pods. Quantity '-1' is negative.")
    await expect(driver.call(actions.terminate_pods, { ns: NS, mode: 'half' })).rejects.toThrow("Cannot select pods. Mode 'half' is invalid.")
    await expect(driver.call(actions.terminate_pods, { ns: NS, order: 'newest' })).rejects.toThrow("Cannot select pods. Order 'newest' is invalid.")
    await expect(driver.call(actions.terminate_pods, { ns: NS, qty: 'two' })).rejects.toThrow("terminate_pods: argument 'qty' must be a number")
    expect(await livePods('ratings-v2')).toHaveLength(6)
  })

  it('delete_pods (deprecated) kills one pod whose name matches', async () => {
    const killed = (await driver.call(actions.delete_pods, { name: 'ratings-v1', ns: NS })) as string[]
    expect(killed).toHaveLength(1)
    expect(killed[0]).toMatch(/^ratings-v1-/)
  })
})
