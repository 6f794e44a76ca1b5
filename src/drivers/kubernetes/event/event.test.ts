import { EventsV1Api, type CoreV1Event, type EventsV1Event } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDriverCluster, type DriverCluster } from '../../../testing/start-driver-cluster.js'
import { kubernetesCatalog } from '../catalog.js'

const probes = kubernetesCatalog['chaosk8s.event.probes']!

interface EventList {
  kind: string
  apiVersion: string
  metadata: { continue?: string }
  items: { metadata: { name: string; namespace: string }; note?: string; reason?: string; regarding?: { kind?: string; name?: string }; reportingController?: string }[]
}

let driver: DriverCluster

beforeAll(async () => {
  driver = await startDriverCluster({ namespaces: ['events-a', 'events-b'] })
})

afterAll(async () => {
  await driver?.stop()
})

const coreEvent = (namespace: string, name: string, labels: Record<string, string>): CoreV1Event => ({
  metadata: { name, namespace, labels },
  involvedObject: { kind: 'Pod', namespace, name: 'web', apiVersion: 'v1' },
  reason: 'Probed',
  message: `core event ${name}`,
  source: { component: 'chaos-test' },
  type: 'Normal',
})

const eventsEvent = (namespace: string, name: string, labels: Record<string, string>): EventsV1Event => ({
  metadata: { name, namespace, labels },
  eventTime: new Date(),
  reportingController: 'vitest-chaos.io/test',
  reportingInstance: 'test-1',
  action: 'Probe',
  reason: 'Probed',
  regarding: { kind: 'Pod', namespace, name: 'web', apiVersion: 'v1' },
  note: `events.k8s.io event ${name}`,
  type: 'Normal',
})

const getEvents = async (args: Record<string, unknown>) => (await driver.call(probes.get_events, args)) as EventList

describe('chaosk8s.event', () => {
  it('get_events lists events.k8s.io/v1 Events of every namespace, whichever API wrote them, filtered by label_selector', async () => {
    await driver.core.createNamespacedEvent({ namespace: 'events-a', body: coreEvent('events-a', 'web.core', { probe: 'mixed' }) })
    await driver.kc.makeApiClient(EventsV1Api).createNamespacedEvent({ namespace: 'events-b', body: eventsEvent('events-b', 'web.events', { probe: 'mixed' }) })
    await driver.core.createNamespacedEvent({ namespace: 'events-b', body: coreEvent('events-b', 'web.other', { probe: 'other' }) })
    const list = await getEvents({ label_selector: 'probe=mixed' })
    expect([list.kind, list.apiVersion]).toEqual(['EventList', 'events.k8s.io/v1'])
    const byName = Object.fromEntries(list.items.map((item) => [item.metadata.name, item]))
    expect(Object.keys(byName).sort()).toEqual(['web.core', 'web.events'])
    expect(byName['web.core']).toMatchObject({ metadata: { namespace: 'events-a' }, note: 'core event web.core', regarding: { kind: 'Pod', name: 'web' }, deprecatedSource: { component: 'chaos-test' } })
    expect(byName['web.events']).toMatchObject({ metadata: { namespace: 'events-b' }, note: 'events.k8s.io event web.events', reportingController: 'vitest-chaos.io/test', action: 'Probe', deprecatedFirstTimestamp: null })
  })

  it('get_events returns at most `limit` events, with the continue token of the rest', async () => {
    for (const name of ['a', 'b', 'c']) await driver.core.createNamespacedEvent({ namespace: 'events-a', body: coreEvent('events-a', `limited.${name}`, { probe: 'limited' }) })
    const page = await getEvents({ label_selector: 'probe=limited', limit: 2 })
    expect(page.items).toHaveLength(2)
    expect(page.metadata.continue).toBeTruthy()
    expect((await getEvents({ label_selector: 'probe=limited' })).items).toHaveLength(3)
  })

  it("get_events shows the events the cluster's own controllers record (the scheduler's Scheduled)", async () => {
    await driver.core.createNamespacedPod({ namespace: 'events-b', body: { metadata: { name: 'scheduled' }, spec: { containers: [{ name: 'idle', image: 'idle' }] } } })
    await expect
      .poll(async () => (await getEvents({})).items.filter((item) => item.regarding?.name === 'scheduled').map((item) => [item.reason, item.reportingController]), { timeout: 20_000, interval: 100 })
      .toContainEqual(['Scheduled', 'default-scheduler'])
  })

  it('get_events says which call failed and what the API server answered', async () => {
    await expect(driver.call(probes.get_events, { label_selector: 'probe in (' })).rejects.toThrow(/list events\.k8s\.io\/v1 events in all namespaces.*\(400\)/)
  })

  it('declares the chaosk8s 0.39 signature', () => {
    expect(probes.get_events).toMatchObject({ params: ['label_selector', 'limit', 'configuration', 'secrets'], required: [] })
  })
})
