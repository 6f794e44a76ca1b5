import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const actions = kubernetesCatalog['chaosk8s.namespace.actions']!
const probes = kubernetesCatalog['chaosk8s.namespace.probes']!

let driver: DriverCluster

beforeAll(async () => {
  driver = await startDriverCluster()
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await driver?.stop()
})

const phaseOf = async (name: string) => (await driver.core.readNamespace({ name }).catch(() => undefined))?.status?.phase

describe('chaosk8s.namespace', () => {
  it('create_namespace by name or from a JSON or YAML file; namespace_exists sees it', async () => {
    expect(await driver.call(probes.namespace_exists, { name: 'team-a' })).toBe(false)
    expect(await driver.call(actions.create_namespace, { name: 'team-a' })).toBeNull()
    expect(await driver.call(probes.namespace_exists, { name: 'team-a' })).toBe(true)
    const dir = mkdtempSync(join(tmpdir(), 'namespace-'))
    writeFileSync(join(dir, 'b.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-b\n  labels: { owner: chaos }\n')
    expect(await driver.call(actions.create_namespace, { spec_path: join(dir, 'b.yaml'), name: 'ignored' })).toBeNull()
    expect((await driver.core.readNamespace({ name: 'team-b' })).metadata?.labels).toMatchObject({ owner: 'chaos' })
    expect(await driver.call(probes.namespace_exists, { name: 'ignored' })).toBe(false)
  })

  it('create_namespace says what is missing or wrong, as chaosk8s does', async () => {
    await expect(driver.call(actions.create_namespace, {})).rejects.toThrow('You need to either specify name or spec_path')
    const path = join(mkdtempSync(join(tmpdir(), 'namespace-')), 'c.txt')
    writeFileSync(path, 'name: c')
    await expect(driver.call(actions.create_namespace, { spec_path: path })).rejects.toThrow(`cannot process ${path}`)
    await expect(driver.call(actions.create_namespace, { name: 'team-a' })).rejects.toThrow(/create namespace 'team-a'.*\(409\) AlreadyExists/)
  })

  it('delete_namespace deletes it (the namespace terminates, then goes); a missing one is an error', async () => {
    await driver.call(actions.create_namespace, { name: 'doomed' })
    expect(await driver.call(actions.delete_namespace, { name: 'doomed' })).toBeNull()
    await expect.poll(() => phaseOf('doomed'), { timeout: 20_000, interval: 50 }).not.toBe('Active')
    await expect.poll(() => driver.call(probes.namespace_exists, { name: 'doomed' }), { timeout: 20_000, interval: 100 }).toBe(false)
    await expect(driver.call(actions.delete_namespace, { name: 'doomed' })).rejects.toThrow(/delete namespace 'doomed'.*\(404\)/)
  })

  it('reaches the cluster through the kubeconfig of its context, whatever KUBECONFIG says', async () => {
    vi.stubEnv('KUBECONFIG', join(tmpdir(), 'no-such-kubeconfig'))
    expect(await driver.call(probes.namespace_exists, { name: 'kube-system' })).toBe(true)
  })

  it('declares chaosk8s 0.39 signatures', () => {
    expect(actions.create_namespace).toMatchObject({ params: ['name', 'spec_path', 'secrets'], required: [] })
    expect(actions.delete_namespace).toMatchObject({ params: ['name', 'secrets'], required: ['name'] })
    expect(probes.namespace_exists).toMatchObject({ params: ['name', 'secrets'], required: ['name'] })
  })
})
