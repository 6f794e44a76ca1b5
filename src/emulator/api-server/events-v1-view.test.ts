/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- answers are untyped JSON, read field by field */
// events.k8s.io/v1 over the one core/v1 Event store: either API sees what the other wrote, converted as kube-apiserver converts.
import { afterEach, describe, expect, it } from 'vitest'
import { loadRecordedCases } from '../../../fixtures/apiserver/recorded-world.js'
import { startTestApiServer, type TestApiServer } from '../../../fixtures/apiserver/start-test-api-server.js'

const CORE = '/api/v1/namespaces/default/events'
const EVENTS = '/apis/events.k8s.io/v1/namespaces/default/events'
const TABLE = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' }

const coreEvent = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web.1', namespace: 'default', labels: { app: 'web' } },
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u-1', apiVersion: 'v1', fieldPath: 'spec.containers{web}' },
  reason: 'Pulled',
  message: 'pulled the image',
  source: { component: 'kubelet', host: 'worker-1' },
  firstTimestamp: '2026-01-01T00:00:00Z',
  lastTimestamp: '2026-01-01T00:01:00Z',
  count: 3,
  type: 'Normal',
  eventTime: null,
  reportingComponent: 'kubelet',
  reportingInstance: 'worker-1',
}

const eventsEvent = {
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: 'web.2', namespace: 'default' },
  eventTime: '2026-01-01T00:02:00.000000Z',
  reportingController: 'default-scheduler',
  reportingInstance: 'scheduler-1',
  action: 'Binding',
  reason: 'Scheduled',
  regarding: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u-1', apiVersion: 'v1' },
  note: 'assigned default/web to worker-1',
  type: 'Normal',
}

const withoutServerMeta = ({ metadata: { uid: _uid, resourceVersion: _rv, creationTimestamp: _created, managedFields: _managed, ...metadata }, ...rest }: any) => ({ ...rest, metadata })

let t: TestApiServer | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe('events.k8s.io/v1 Events', () => {
  it('144: an Event the scheduler writes through events.k8s.io/v1 reads through core/v1 as recorded, its field set in events.k8s.io names', async () => {
    const recorded = loadRecordedCases().find((entry) => entry.id === '144')!.response.body.items.find((item: any) => item.reason === 'Scheduled')
    t = await startTestApiServer()
    const { name, namespace } = recorded.metadata
    const written = {
      apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name, namespace },
      eventTime: recorded.eventTime, action: 'Binding', reason: 'Scheduled', note: recorded.message, type: 'Normal',
      regarding: recorded.involvedObject, reportingController: 'default-scheduler', reportingInstance: recorded.reportingInstance,
    }
    expect((await t.request('POST', `${EVENTS}?fieldManager=kube-scheduler`, { body: written })).status).toBe(201)
    const core = (await t.request('GET', `${CORE}/${name as string}`)).json!
    const volatile = ({ uid: _uid, resourceVersion: _rv, creationTimestamp: _created, managedFields: [{ time: _time, ...entry }], ...metadata }: any) => ({ ...metadata, entry })
    expect({ ...core, metadata: volatile(core.metadata) }).toStrictEqual({ kind: 'Event', apiVersion: 'v1', ...recorded, metadata: volatile(recorded.metadata) })
    expect(Object.keys(core)).toEqual(['kind', 'apiVersion', ...Object.keys(recorded)])
  })

  it('serves a core/v1 Event converted: note, regarding, reportingController, deprecatedSource and the deprecated timestamps and count', async () => {
    t = await startTestApiServer()
    expect((await t.request('POST', CORE, { body: coreEvent })).status).toBe(201)
    const { status, json } = await t.request('GET', `${EVENTS}/web.1`)
    expect(status).toBe(200)
    expect(withoutServerMeta(json)).toStrictEqual({
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      metadata: { name: 'web.1', namespace: 'default', labels: { app: 'web' } },
      eventTime: null,
      reportingController: 'kubelet',
      reportingInstance: 'worker-1',
      reason: 'Pulled',
      regarding: coreEvent.involvedObject,
      note: 'pulled the image',
      type: 'Normal',
      deprecatedSource: { component: 'kubelet', host: 'worker-1' },
      deprecatedFirstTimestamp: '2026-01-01T00:00:00Z',
      deprecatedLastTimestamp: '2026-01-01T00:01:00Z',
      deprecatedCount: 3,
    })
    // the Go struct's order
    expect(Object.keys(json!)).toEqual(['kind', 'apiVersion', 'metadata', 'eventTime', 'reportingController', 'reportingInstance', 'reason', 'regarding', 'note', 'type', 'deprecatedSource', 'deprecatedFirstTimestamp', 'deprecatedLastTimestamp', 'deprecatedCount'])
  })

  it('stores an Event created through events.k8s.io/v1 once, seen as core/v1 and read back unchanged', async () => {
    t = await startTestApiServer()
    const created = await t.request('POST', EVENTS, { body: eventsEvent })
    expect(created.status).toBe(201)
    expect(withoutServerMeta(created.json)).toStrictEqual({ ...eventsEvent, deprecatedSource: {}, deprecatedFirstTimestamp: null, deprecatedLastTimestamp: null })
    const core = (await t.request('GET', `${CORE}/web.2`)).json!
    expect(core).toMatchObject({ apiVersion: 'v1', kind: 'Event', message: eventsEvent.note, involvedObject: eventsEvent.regarding, reportingComponent: 'default-scheduler', action: 'Binding', eventTime: eventsEvent.eventTime })
    expect(core.metadata.uid).toBe(created.json!.metadata.uid)
    expect(t.store.list('events').map((event) => event.metadata.name)).toEqual(['web.2'])
    expect((await t.request('GET', '/apis/events.k8s.io/v1/events')).json!.items.map((item: any) => item.note)).toEqual([eventsEvent.note])
  })

  it('patches, replaces and deletes through either API', async () => {
    t = await startTestApiServer()
    await t.request('POST', CORE, { body: coreEvent })
    const patched = await t.request('PATCH', `${EVENTS}/web.1`, { body: { note: 'pulled again', deprecatedCount: 4 }, headers: { 'Content-Type': 'application/merge-patch+json' } })
    expect([patched.status, patched.json!.note, patched.json!.deprecatedCount]).toEqual([200, 'pulled again', 4])
    expect((await t.request('GET', `${CORE}/web.1`)).json).toMatchObject({ message: 'pulled again', count: 4, source: coreEvent.source })
    const replaced = await t.request('PUT', `${EVENTS}/web.1`, { body: { ...patched.json, type: 'Warning' } })
    expect([replaced.status, replaced.json!.type]).toEqual([200, 'Warning'])
    expect((await t.request('DELETE', `${EVENTS}/web.1`)).status).toBe(200)
    expect((await t.request('GET', `${CORE}/web.1`)).status).toBe(404)
    expect((await t.request('GET', `${EVENTS}/web.1`)).json).toMatchObject({ kind: 'Status', code: 404, message: 'events.events.k8s.io "web.1" not found' })
  })

  it('selects by the events.k8s.io field labels, and refuses the core/v1 names as kube-apiserver does', async () => {
    t = await startTestApiServer()
    await t.request('POST', CORE, { body: coreEvent })
    await t.request('POST', EVENTS, { body: { ...eventsEvent, regarding: { ...eventsEvent.regarding, name: 'other' } } })
    const names = async (selector: string) => (await t!.request('GET', `${EVENTS}?fieldSelector=${encodeURIComponent(selector)}`)).json!.items.map((item: any) => item.metadata.name)
    expect(await names('regarding.name=web')).toEqual(['web.1'])
    expect(await names('reportingController=default-scheduler')).toEqual(['web.2'])
    expect(await names('source=kubelet,reason=Pulled')).toEqual(['web.1'])
    expect(await names('type!=Normal')).toEqual([])
    expect((await t.request('GET', `${EVENTS}?labelSelector=app%3Dweb`)).json!.items.map((item: any) => item.metadata.name)).toEqual(['web.1'])
    const refused = await t.request('GET', `${EVENTS}?fieldSelector=involvedObject.name%3Dweb`)
    expect([refused.status, refused.json!.message]).toEqual([400, 'field label not supported: involvedObject.name'])
  })

  it('watches in the events.k8s.io shape', async () => {
    t = await startTestApiServer()
    const controller = new AbortController()
    const response = await fetch(`${t.server.url}${EVENTS}?watch=true&timeoutSeconds=30`, { headers: { Authorization: 'Bearer test-token-0123456789' }, signal: controller.signal })
    const reader = response.body!.getReader()
    await t.request('POST', CORE, { body: coreEvent })
    let text = ''
    const decoder = new TextDecoder()
    while (!text.includes('\n')) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
    controller.abort()
    const event = JSON.parse(text.split('\n')[0]!) as { type: string; object: any }
    expect([event.type, event.object.apiVersion, event.object.note, event.object.regarding.name]).toEqual(['ADDED', 'events.k8s.io/v1', 'pulled the image', 'web'])
  })

  it('prints the same Table columns and rows as core/v1 Events (one printer for both)', async () => {
    t = await startTestApiServer()
    await t.request('POST', CORE, { body: coreEvent })
    await t.request('POST', EVENTS, { body: eventsEvent })
    const core = (await t.request('GET', CORE, { headers: TABLE })).json!
    const events = (await t.request('GET', EVENTS, { headers: TABLE })).json!
    expect(events.columnDefinitions).toEqual(core.columnDefinitions)
    expect(events.rows.map((row: any) => row.cells)).toEqual(core.rows.map((row: any) => row.cells))
    expect(events.rows).toHaveLength(2)
  })

  it('lists events.k8s.io/v1 in legacy discovery (aggregated: discovery-aggregated.test.ts)', async () => {
    t = await startTestApiServer()
    const resources = (await t.request('GET', '/apis/events.k8s.io/v1')).json!
    expect(resources).toMatchObject({ kind: 'APIResourceList', groupVersion: 'events.k8s.io/v1', resources: [{ name: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'] }] })
    const groups = (await t.request('GET', '/apis')).json!.groups.map((group: any) => group.name)
    expect(groups).toContain('events.k8s.io')
  })
})
