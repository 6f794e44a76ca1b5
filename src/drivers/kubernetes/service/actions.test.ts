import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CoreV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const NS = 'service-actions'
const actions = kubernetesCatalog['chaosk8s.service.actions']!

let driver: DriverCluster
let core: CoreV1Api

beforeAll(async () => {
  driver = await startDriverCluster({ namespaces: [NS] })
  core = driver.core
})

afterAll(async () => {
  await driver?.stop()
})

describe('service actions', () => {
  it('create_service_endpoint from a JSON file, then delete_service removes it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'service-')), 'ratings.json')
    writeFileSync(path, JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ratings' }, spec: { selector: { app: 'ratings' }, ports: [{ port: 9080 }] } }))
    expect(await driver.call(actions.create_service_endpoint, { spec_path: path, ns: NS })).toBeNull()
    expect((await core.readNamespacedService({ name: 'ratings', namespace: NS })).spec?.ports?.[0]?.port).toBe(9080)
    expect(await driver.call(kubernetesCatalog['chaosk8s.actions']!.remove_service_endpoint, { name: 'ratings', ns: NS })).toBeNull()
    await expect(core.readNamespacedService({ name: 'ratings', namespace: NS })).rejects.toMatchObject({ code: 404 })
  })

  it('fail on a missing service and an unreadable manifest', async () => {
    await expect(driver.call(actions.delete_service, { name: 'ghost', ns: NS })).rejects.toThrow(`Kubernetes API call failed (delete service 'ghost' in namespace '${NS}'): (404)`)
    const bad = join(mkdtempSync(join(tmpdir(), 'service-')), 'bad.yaml')
    writeFileSync(bad, 'spec: [unclosed')
    await expect(driver.call(actions.create_service_endpoint, { spec_path: bad, ns: NS })).rejects.toThrow(`create_service_endpoint: '${bad}' is not valid YAML`)
  })
})
