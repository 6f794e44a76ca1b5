// Event and Lease Tables as kube-apiserver prints them (always wide; kubectl hides priority-1 columns).
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApiServer, type TestApiServer } from '../../../../fixtures/apiserver/start-test-api-server.js'

const TABLE = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' }
interface TableBody { columnDefinitions: { name: string; priority: number }[]; rows: { cells: unknown[] }[] }
const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z')

describe('event and lease tables', () => {
  let t: TestApiServer
  afterEach(async () => t?.close())

  it('prints events with the wide columns, a count of 1 for singletons, and the reporting controller as source', async () => {
    t = await startTestApiServer()
    t.store.create('events', {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', fieldPath: 'spec.containers{web}' },
      reason: 'Pulled', message: 'pulled \n', type: 'Normal', source: { component: 'kubelet', host: 'worker-1' }, firstTimestamp: now, lastTimestamp: now, count: 3,
    })
    t.store.create('events', {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.2', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
      reason: 'Scheduled', message: 'assigned', type: 'Normal', source: {}, reportingComponent: 'default-scheduler', eventTime: new Date().toISOString(), firstTimestamp: null, lastTimestamp: null,
    })
    const { status, json } = await t.request('GET', '/api/v1/namespaces/default/events', { headers: TABLE })
    expect(status).toBe(200)
    const table = json as TableBody
    expect(table.columnDefinitions.map((column) => `${column.name}:${column.priority}`)).toEqual([
      'Last Seen:0', 'Type:0', 'Reason:0', 'Object:0', 'Subobject:1', 'Source:1', 'Message:0', 'First Seen:1', 'Count:1', 'Name:1',
    ])
    const cells = table.rows.map((row) => row.cells.map((cell) => (typeof cell === 'string' ? cell.replace(/^\d+s$/, 'Ns') : cell)))
    expect(cells).toEqual([
      ['Ns', 'Normal', 'Pulled', 'pod/web', 'spec.containers{web}', 'kubelet, worker-1', 'pulled', 'Ns', 3, 'web.1'],
      ['Ns', 'Normal', 'Scheduled', 'pod/web', '', 'default-scheduler', 'assigned', 'Ns', 1, 'web.2'],
    ])
  })

  it('prints leases as Name, Holder, Age', async () => {
    t = await startTestApiServer()
    t.store.create('coordination.k8s.io/leases', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-a', namespace: 'default' }, spec: { holderIdentity: 'node-a' } })
    const table = (await t.request('GET', '/apis/coordination.k8s.io/v1/namespaces/default/leases', { headers: TABLE })).json as TableBody
    expect(table.columnDefinitions.map((column) => column.name)).toEqual(['Name', 'Holder', 'Age'])
    expect(table.rows[0]!.cells.slice(0, 2)).toEqual(['node-a', 'node-a'])
  })
})
