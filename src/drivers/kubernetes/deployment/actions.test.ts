import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppsV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const NS = 'deployments'
const actions = kubernetesCatalog['chaosk8s.deployment.actions']!
const probes = kubernetesCatalog['chaosk8s.deployment.probes']!
const legacy = kubernetesCatalog['chaosk8s.probes']!

let driver: DriverCluster
let apps: AppsV1Api

const manifest = (name: string, replicas: number, podSpec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { tier: 'test' } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'main', image: 'idle:1' }], ...podSpec } },
  },
})

beforeAll(async () => {
  driver = await startDriverCluster({ namespaces: [NS] })
  apps = driver.apps
})

afterAll(async () => {
  await driver?.stop()
})

describe('deployment actions and probes', () => {
  it('create_deployment from a YAML file, then deployment_fully_available waits (watching) until it is ready', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deployment-'))
    const path = join(dir, 'web.yaml')
    writeFileSync(path, `# the deployment under test\n${JSON.stringify(manifest('web', 3))}\n`)
    expect(await driver.call(actions.create_deployment, { spec_path: path, ns: NS })).toBeNull()
    expect(await driver.call(probes.deployment_fully_available, { name: 'web', ns: NS, timeout: 20 })).toBe(true)
    expect(await driver.call(probes.deployment_available_and_healthy, { name: 'web', ns: NS })).toBe(true)
    expect(await driver.call(probes.deployment_partially_available, { name: 'web', ns: NS })).toBe(true)
    expect(await driver.call(legacy.microservice_available_and_healthy, { name: 'web', ns: NS })).toBeNull()
    await expect(driver.call(actions.create_deployment, { spec_path: join(dir, 'web.txt'), ns: NS })).rejects.toThrow(`cannot process ${join(dir, 'web.txt')}`)
  })

  it('scale_deployment changes the replicas; a deployment that cannot schedule is neither healthy nor fully available', async () => {
    expect(await driver.call(actions.scale_deployment, { name: 'web', replicas: 5, ns: NS })).toBeNull()
    expect((await apps.readNamespacedDeployment({ name: 'web', namespace: NS })).spec?.replicas).toBe(5)
    expect(await driver.call(actions.scale_deployment, { name: 'web', replicas: 3, ns: NS })).toBeNull()
    expect(await driver.call(probes.deployment_fully_available, { name: 'web', ns: NS, timeout: 20 })).toBe(true)

    await apps.createNamespacedDeployment({ namespace: NS, body: manifest('stuck', 2, { nodeSelector: { nowhere: 'true' } }) })
    await expect(driver.call(probes.deployment_available_and_healthy, { name: 'stuck', ns: NS })).rejects.toThrow("Deployment 'stuck' is not healthy")
    expect(await driver.call(probes.deployment_available_and_healthy, { name: 'stuck', ns: NS, raise_on_unavailable: false })).toBe(false)
    expect(await driver.call(probes.deployment_not_fully_available, { name: 'stuck', ns: NS, timeout: 5 })).toBe(true)
    await expect(driver.call(probes.deployment_fully_available, { name: 'stuck', ns: NS, timeout: 1 })).rejects.toThrow("deployment 'stuck' failed to recover within 1s")
    expect(await driver.call(probes.deployment_fully_available, { name: 'stuck', ns: NS, timeout: 1, raise_on_not_fully_available: false })).toBe(false)
    await expect(driver.call(probes.deployment_partially_available, { name: 'stuck', ns: NS })).rejects.toThrow(/NoneType/)
  })

  it('report a missing deployment with chaosk8s\' messages', async () => {
    await expect(driver.call(probes.deployment_available_and_healthy, { name: 'ghost', ns: NS })).rejects.toThrow("Deployment 'ghost' was not found")
    await expect(driver.call(actions.scale_deployment, { name: 'ghost', replicas: 1, ns: NS })).rejects.toThrow("failed to scale 'ghost' to 1 replicas: (404)")
  })

  it('rollout_deployment stamps the pod template with restartedAt', async () => {
    const before = Date.now()
    await driver.call(actions.rollout_deployment, { name: 'web', ns: NS })
    const stamped = (await apps.readNamespacedDeployment({ name: 'web', namespace: NS })).spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']
    expect(new Date(stamped!).getTime()).toBeGreaterThanOrEqual(before - 1000)
  })

  it('strict mode: delete_deployment that matches nothing fails, naming the deployments there', async () => {
    await expect(driver.call(actions.delete_deployment, { name: 'ghost', ns: NS }, { strict: true })).rejects.toThrow(
      /^delete_deployment: no deployment in namespace '[^']+' matches name 'ghost', so the fault would do nothing; the deployments there are .*web/,
    )
    expect(await driver.call(actions.delete_deployment, { name: 'ghost', ns: NS })).toBeNull()
  })

  it('scale_deployment records the replicas it changes on the deployment, and scaling back clears the record', async () => {
    const annotations = async () => Object.keys((await apps.readNamespacedDeployment({ name: 'web', namespace: NS })).metadata?.annotations ?? {}).filter((key) => key.startsWith('vitest-chaos.io/'))
    const before = (await apps.readNamespacedDeployment({ name: 'web', namespace: NS })).spec!.replicas!
    await driver.call(actions.scale_deployment, { name: 'web', replicas: before + 1, ns: NS })
    await driver.call(actions.scale_deployment, { name: 'web', replicas: before + 2, ns: NS })
    const recorded = (await apps.readNamespacedDeployment({ name: 'web', namespace: NS })).metadata?.annotations
    expect(recorded).toMatchObject({ 'vitest-chaos.io/fault': 'scale', 'vitest-chaos.io/prior-replicas': String(before), 'vitest-chaos.io/pid': String(process.pid) })
    await driver.call(actions.scale_deployment, { name: 'web', replicas: before, ns: NS })
    expect(await annotations()).toEqual([])
  })

  it('delete_deployment by name deletes only that one; by label, every labelled one', async () => {
    await driver.call(actions.delete_deployment, { name: 'stuck', ns: NS })
    const names = async () => (await apps.listNamespacedDeployment({ namespace: NS })).items.filter((d) => !d.metadata?.deletionTimestamp).map((d) => d.metadata!.name)
    expect(await names()).toEqual(['web'])
    await driver.call(actions.delete_deployment, { label_selector: 'tier=test', ns: NS })
    expect(await names()).toEqual([])
  })
})
