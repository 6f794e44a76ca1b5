import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFaultRecord, readPriorState } from '../../ledger/fault-record.js'
import { readLedger } from '../../ledger/local-ledger.js'
import { FAULT_UNDOERS } from '../../recovery/fault-undoers.js'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const NS = 'daemons'
const actions = kubernetesCatalog['chaosk8s.daemonset.actions']!
const probes = kubernetesCatalog['chaosk8s.daemonset.probes']!
const neverReady = { readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 1, failureThreshold: 1 } }

let driver: DriverCluster

const daemonSetYaml = (name: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
  labels: { tier: agents }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      terminationGracePeriodSeconds: 1
      containers: [{ name: main, image: 'idle:1' }]
`

const createFromFile = async (name: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'daemonset-')), `${name}.yaml`)
  writeFileSync(path, daemonSetYaml(name))
  expect(await driver.call(actions.create_daemon_set, { spec_path: path, ns: NS })).toBeNull()
}

let ledger: string

beforeAll(async () => {
  ledger = join(mkdtempSync(join(tmpdir(), 'daemonset-ledger-')), 'ledger.jsonl')
  process.env.CHAOS_LEDGER = ledger
  driver = await startDriverCluster({ namespaces: [NS] })
})

afterAll(async () => {
  await driver?.stop()
})

describe('chaosk8s.daemonset', () => {
  it('create_daemon_set from a YAML file puts one ready pod on each eligible node, as the probes see', async () => {
    await createFromFile('agent')
    expect(await driver.call(probes.daemon_set_fully_available, { name: 'agent', ns: NS, timeout: 20 })).toBe(true)
    const ds = await driver.apps.readNamespacedDaemonSet({ name: 'agent', namespace: NS })
    expect(ds.status?.desiredNumberScheduled).toBeGreaterThan(0)
    expect(await driver.call(probes.daemon_set_available_and_healthy, { name: 'agent', ns: NS })).toBe(true)
    expect(await driver.call(probes.daemon_set_available_and_healthy, { name: 'agent', ns: NS, label_selector: 'tier=other' })).toBe(false)
    expect(await driver.call(probes.daemon_set_partially_available, { name: 'agent', ns: NS })).toBe(true)
    expect(await driver.call(probes.daemon_set_available_and_healthy, { name: 'missing', ns: NS })).toBe(false)
    expect(await driver.call(probes.daemon_set_partially_available, { name: 'missing', ns: NS })).toBe(false)
  })

  it('update_daemon_set patches the DaemonSet; a template whose pods never get ready makes it not fully available', async () => {
    await createFromFile('collector')
    expect(await driver.call(probes.daemon_set_fully_available, { name: 'collector', ns: NS, timeout: 20 })).toBe(true)
    const notFullyAvailable = driver.call(probes.daemon_set_not_fully_available, { name: 'collector', ns: NS, timeout: 20 })
    const spec = { metadata: { labels: { patched: 'yes' } }, spec: { template: { spec: { containers: [{ name: 'main', ...neverReady }] } } } }
    expect(await driver.call(actions.update_daemon_set, { name: 'collector', ns: NS, spec })).toBeNull()
    expect(await notFullyAvailable).toBe(true)
    const ds = await driver.apps.readNamespacedDaemonSet({ name: 'collector', namespace: NS })
    expect(ds.metadata?.labels).toMatchObject({ tier: 'agents', patched: 'yes' })
    expect(ds.spec?.template.spec?.containers[0]).toMatchObject({ name: 'main', image: 'idle:1', readinessProbe: neverReady.readinessProbe })
    expect(await driver.call(probes.daemon_set_fully_available, { name: 'collector', ns: NS, timeout: 1 })).toBe(false)
    expect(await driver.call(probes.daemon_set_available_and_healthy, { name: 'collector', ns: NS })).toBe(false)
    await expect(driver.call(actions.update_daemon_set, { name: 'missing', ns: NS, spec })).rejects.toThrow(/^failed to update daemon set 'missing': \(404\)/)
  })

  it('update_daemon_set records the spec it replaces; updating back clears the record, recover puts it back exactly', async () => {
    await createFromFile('shipper')
    const original = await driver.apps.readNamespacedDaemonSet({ name: 'shipper', namespace: NS })
    const slower = { spec: { minReadySeconds: 5 } }
    await driver.call(actions.update_daemon_set, { name: 'shipper', ns: NS, spec: slower })
    await driver.call(actions.update_daemon_set, { name: 'shipper', ns: NS, spec: { spec: { minReadySeconds: 7 } } })
    const changed = await driver.apps.readNamespacedDaemonSet({ name: 'shipper', namespace: NS })
    expect(readFaultRecord(changed)?.change).toBe('daemonset-spec')
    expect(JSON.parse(readPriorState(changed, 'daemonset-spec')!)).toEqual(JSON.parse(JSON.stringify(original.spec)))

    await driver.call(actions.update_daemon_set, { name: 'shipper', ns: NS, spec: { spec: { minReadySeconds: original.spec?.minReadySeconds ?? null } } })
    const restored = await driver.apps.readNamespacedDaemonSet({ name: 'shipper', namespace: NS })
    expect(readFaultRecord(restored)).toBeUndefined()
    expect(readPriorState(restored, 'daemonset-spec')).toBeUndefined()
    expect((await readLedger(ledger)).entries.filter((entry) => entry.target.name === 'shipper').map((entry) => entry.event)).toEqual(['intent', 'applied', 'intent', 'applied', 'intent', 'applied', 'cleared'])

    await driver.call(actions.update_daemon_set, { name: 'shipper', ns: NS, spec: slower })
    const undoer = FAULT_UNDOERS['daemonset-spec']
    const [fault] = (await undoer.list(driver.kc)).filter((found) => found.target.name === 'shipper')
    expect(fault?.target).toEqual({ kind: 'DaemonSet', name: 'shipper', namespace: NS })
    expect(await undoer.undo(driver.kc, fault!)).toBe('put back the spec it had before update_daemon_set')
    const recovered = await driver.apps.readNamespacedDaemonSet({ name: 'shipper', namespace: NS })
    expect(recovered.spec).toEqual(original.spec)
    expect(readFaultRecord(recovered)).toBeUndefined()
    expect(await undoer.read(driver.kc, fault!.target)).toEqual({ record: undefined })
    await driver.call(actions.delete_daemon_set, { name: 'shipper', ns: NS })
  })

  it('delete_daemon_set deletes by name or label; in strict mode a selection of nothing fails, naming what is there', async () => {
    await expect(driver.call(actions.delete_daemon_set, { name: 'nope', ns: NS }, { strict: true })).rejects.toThrow(/delete_daemon_set.*daemon sets there are agent, collector/s)
    expect(await driver.call(actions.delete_daemon_set, { name: 'nope', ns: NS })).toBeNull()
    expect(await driver.call(actions.delete_daemon_set, { name: 'agent', ns: NS })).toBeNull()
    expect((await driver.apps.listNamespacedDaemonSet({ namespace: NS })).items.map((ds) => ds.metadata?.name)).toEqual(['collector'])
    expect(await driver.call(actions.delete_daemon_set, { label_selector: 'tier=agents', ns: NS })).toBeNull()
    expect((await driver.apps.listNamespacedDaemonSet({ namespace: NS })).items).toEqual([])
  })

  it('declares chaosk8s 0.39 signatures', () => {
    expect(actions.create_daemon_set).toMatchObject({ params: ['spec_path', 'ns', 'secrets'], required: ['spec_path'] })
    expect(actions.delete_daemon_set).toMatchObject({ params: ['name', 'ns', 'label_selector', 'secrets'], required: [] })
    expect(actions.update_daemon_set).toMatchObject({ params: ['name', 'spec', 'ns', 'secrets'], required: ['name', 'spec'] })
    for (const name of ['daemon_set_available_and_healthy', 'daemon_set_partially_available']) {
      expect(probes[name]).toMatchObject({ params: ['name', 'ns', 'label_selector', 'secrets'], required: ['name'] })
    }
    for (const name of ['daemon_set_fully_available', 'daemon_set_not_fully_available']) {
      expect(probes[name]).toMatchObject({ params: ['name', 'ns', 'label_selector', 'timeout', 'secrets'], required: ['name'] })
    }
  })
})
