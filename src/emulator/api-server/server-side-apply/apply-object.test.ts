/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- recorded bodies are untyped JSON */
// Server-side apply over HTTP against kubectl 1.32's recorded requests (09 create, 10 change) and the real conflict body.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestApiServer, type TestApiServer } from '../../../../fixtures/apiserver/start-test-api-server.js'

const recorded = (file: string) => {
  const transcript = JSON.parse(readFileSync(new URL(`../../../../fixtures/apiserver-v1.32/${file}`, import.meta.url), 'utf8')) as { exchanges: any[] }
  return transcript.exchanges.find((exchange) => exchange.method === 'PATCH')
}
const CREATE = recorded('kubectl-09-apply-server-side-create.json')
const CHANGE = recorded('kubectl-10-apply-server-side-change.json')
const APPLY = { 'Content-Type': 'application/apply-patch+yaml' }

describe('server-side apply', () => {
  let t: TestApiServer
  beforeEach(async () => {
    t = await startTestApiServer()
  })
  afterEach(() => t.close())

  const replay = (exchange: any, url: string = exchange.url) => t.request('PATCH', url, { headers: APPLY, body: exchange.request.body_text })

  it('creates a missing object (201) whose managedFields are the recorded Apply entry', async () => {
    const response = await replay(CREATE)
    expect(response.status).toBe(201)
    const expected = JSON.parse(CREATE.response.body_text).metadata.managedFields
    expect(response.json!.metadata.managedFields.map(({ time: _time, ...entry }: any) => entry)).toEqual(expected.map(({ time: _time, ...entry }: any) => entry))
    expect(response.json!.spec.replicas).toBe(2)
  })

  it('changes it (200): replicas and the new env, still one Apply manager', async () => {
    await replay(CREATE)
    const response = await replay(CHANGE)
    expect(response.status).toBe(200)
    expect(response.json!.spec.replicas).toBe(3)
    expect(response.json!.spec.template.spec.containers[0].env).toEqual([{ name: 'MODE', value: 'chaos' }])
    expect(response.json!.metadata.managedFields.map((entry: any) => [entry.manager, entry.operation])).toEqual([['kubectl', 'Apply']])
  })

  it('a field another manager changed since is a 409 with the fieldmanager wording; force=true takes it over', async () => {
    await replay(CREATE)
    const scaled = await t.request('PATCH', '/apis/apps/v1/namespaces/default/deployments/api/scale', {
      headers: { 'Content-Type': 'application/merge-patch+json', 'User-Agent': 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07' },
      body: { spec: { replicas: 5 } },
    })
    expect(scaled.status).toBe(200)
    const refused = await replay(CHANGE)
    expect(refused.status).toBe(409)
    expect(refused.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl" with subresource "scale" using apps/v1', field: '.spec.replicas' }] },
      code: 409,
    })
    const forced = await replay(CHANGE, CHANGE.url.replace('force=false', 'force=true'))
    expect([forced.status, forced.json!.spec.replicas]).toEqual([200, 3])
    const owners = forced.json!.metadata.managedFields.map((entry: any) => [entry.manager, entry.subresource ?? '', Object.keys(entry.fieldsV1['f:spec'] ?? {})])
    expect(owners).toEqual([['kubectl', '', ['f:replicas', 'f:selector', 'f:template']]])
  })

  it('a field the manager stops applying is removed when nobody else owns it', async () => {
    await t.request('PATCH', '/api/v1/namespaces/default/configmaps/settings?fieldManager=me', { headers: APPLY, body: 'apiVersion: v1\nkind: ConfigMap\ndata: {a: "1", b: "2"}\n' })
    const response = await t.request('PATCH', '/api/v1/namespaces/default/configmaps/settings?fieldManager=me', { headers: APPLY, body: 'apiVersion: v1\nkind: ConfigMap\ndata: {a: "1"}\n' })
    expect(response.json!.data).toEqual({ a: '1' })
  })

  it('an unknown field is refused whatever fieldValidation says, as structured-merge-diff refuses it', async () => {
    const response = await t.request('PATCH', '/api/v1/namespaces/default/configmaps/settings?fieldManager=me&fieldValidation=Ignore', { headers: APPLY, body: 'apiVersion: v1\nkind: ConfigMap\ndatta: {a: "1"}\n' })
    expect([response.status, response.json!.message]).toEqual([400, 'failed to create typed patch object (default/settings; v1, Kind=ConfigMap): .datta: field not declared in schema'])
  })

  it('every other write is an Update entry of its fieldManager, or of the User-Agent product', async () => {
    const created = await t.request('POST', '/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create', { body: { metadata: { name: 'c' }, data: { a: '1' } } })
    expect(created.json!.metadata.managedFields).toMatchObject([{ manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1', fieldsV1: { 'f:data': { 'f:a': {} } } }])
    const patched = await t.request('PATCH', '/api/v1/namespaces/default/configmaps/c', { headers: { 'Content-Type': 'application/merge-patch+json' }, body: { data: { a: '2' } } })
    expect(patched.json!.metadata.managedFields.map((entry: any) => entry.manager)).toEqual(['node'])
  })
})
