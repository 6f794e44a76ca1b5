import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const NS = 'services'

let driver: DriverCluster

beforeAll(async () => {
  driver = await startDriverCluster({ namespaces: [NS] })
  const core = driver.core
  await core.createNamespacedService({ namespace: NS, body: { metadata: { name: 'ratings', labels: { app: 'ratings' } }, spec: { selector: { app: 'ratings' }, ports: [{ port: 9080 }] } } })
})

afterAll(async () => {
  await driver?.stop()
})

describe('service_is_initialized', () => {
  it('find a Service by name, by label, or both', async () => {
    const probe = kubernetesCatalog['chaosk8s.service.probes']!.service_is_initialized
    expect(await driver.call(probe, { name: 'ratings', ns: NS })).toBe(true)
    expect(await driver.call(probe, { label_selector: 'app=ratings', ns: NS })).toBe(true)
    expect(await driver.call(probe, { name: 'ratings', label_selector: 'app=ratings', ns: NS })).toBe(true)
    await expect(driver.call(probe, { name: 'reviews', ns: NS })).rejects.toThrow("service 'reviews' is not initialized")
    expect(await driver.call(probe, { name: 'reviews', ns: NS, raise_if_service_not_initialized: false })).toBe(false)
  })

  it('is also reachable under chaosk8s.probes', () => {
    expect(kubernetesCatalog['chaosk8s.probes']!.service_is_initialized).toBe(kubernetesCatalog['chaosk8s.service.probes']!.service_is_initialized)
  })
})
