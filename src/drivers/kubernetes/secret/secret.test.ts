import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const NS = 'vault'
const actions = kubernetesCatalog['chaosk8s.secret.actions']!
const probes = kubernetesCatalog['chaosk8s.secret.probes']!

let driver: DriverCluster

beforeAll(async () => {
  driver = await startDriverCluster({ namespaces: [NS] })
})

afterAll(async () => {
  await driver?.stop()
})

describe('chaosk8s.secret', () => {
  it('create_secret from a JSON file; secret_exists finds it by name, by label, or any', async () => {
    expect(await driver.call(probes.secret_exists, { ns: NS })).toBe(false)
    const path = join(mkdtempSync(join(tmpdir(), 'secret-')), 'db.json')
    writeFileSync(path, JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', labels: { app: 'ratings' } }, stringData: { password: 'hunter2' } }))
    expect(await driver.call(actions.create_secret, { spec_path: path, ns: NS })).toBeNull()
    expect((await driver.core.readNamespacedSecret({ name: 'db', namespace: NS })).data?.password).toBe(Buffer.from('hunter2').toString('base64'))
    expect(await driver.call(probes.secret_exists, { name: 'db', ns: NS })).toBe(true)
    expect(await driver.call(probes.secret_exists, { label_selector: 'app=ratings', ns: NS })).toBe(true)
    expect(await driver.call(probes.secret_exists, { name: 'db', label_selector: 'app=reviews', ns: NS })).toBe(false)
    expect(await driver.call(probes.secret_exists, { ns: NS })).toBe(true)
    expect(await driver.call(probes.secret_exists, { name: 'db' })).toBe(false)
  })

  it('delete_secret removes it; a missing one is an error naming it', async () => {
    expect(await driver.call(actions.delete_secret, { name: 'db', ns: NS })).toBeNull()
    expect(await driver.call(probes.secret_exists, { name: 'db', ns: NS })).toBe(false)
    await expect(driver.call(actions.delete_secret, { name: 'db', ns: NS })).rejects.toThrow(/delete secret 'db' in namespace 'vault'.*\(404\)/)
    await expect(driver.call(actions.create_secret, { ns: NS })).rejects.toThrow("create_secret: argument 'spec_path' must be a non-empty string")
  })

  it('declares chaosk8s 0.39 signatures', () => {
    expect(actions.create_secret).toMatchObject({ params: ['spec_path', 'ns', 'secrets'], required: ['spec_path'] })
    expect(actions.delete_secret).toMatchObject({ params: ['name', 'ns', 'secrets'], required: ['name'] })
    expect(probes.secret_exists).toMatchObject({ params: ['name', 'ns', 'label_selector', 'secrets'], required: [] })
  })
})
