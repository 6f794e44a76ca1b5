// fieldValidation=Strict|Warn|Ignore and dryRun=All over HTTP, with the texts of the kube-apiserver 1.32 recordings (11, 12).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestApiServer, type TestApiServer } from '../../../../fixtures/apiserver/start-test-api-server.js'
import { findDuplicateFields } from './find-duplicate-fields.js'
import { formatGoValue } from './format-go-value.js'

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments'
const deployment = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'typo' },
  spec: { selector: { matchLabels: { app: 'typo' } }, template: { metadata: { labels: { app: 'typo' } }, spec: { containers: [{ name: 'app', image: 'agnhost' }] } }, ...spec },
})

describe('server-side field validation', () => {
  let t: TestApiServer
  beforeEach(async () => {
    t = await startTestApiServer()
  })
  afterEach(() => t.close())

  it('Strict refuses an unknown field on create with the recorded 400, and stores nothing', async () => {
    const response = await t.request('POST', `${DEPLOYMENTS}?fieldValidation=Strict`, { body: deployment({ replicass: 2 }) })
    expect(response.status).toBe(400)
    expect(response.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"',
      reason: 'BadRequest',
      code: 400,
    })
    expect(t.store.get('apps/deployments', 'default', 'typo')).toBeUndefined()
  })

  it('Strict names nested unknown fields with list indexes, and duplicate fields', async () => {
    const body = JSON.stringify(deployment({ template: { metadata: { labels: { app: 'typo' } }, spec: { containers: [{ name: 'app', image: 'agnhost', imagee: 'x' }] } } })).replace('"selector"', '"replicas":1,"replicas":2,"selector"')
    const response = await t.request('POST', `${DEPLOYMENTS}?fieldValidation=Strict`, { body })
    expect(response.json?.message).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: duplicate field "spec.replicas", unknown field "spec.template.spec.containers[0].imagee"')
  })

  it('Warn (the default) creates the object without the field and sends one Warning header per field', async () => {
    const response = await t.request('POST', DEPLOYMENTS, { body: deployment({ replicass: 2 }) })
    expect(response.status).toBe(201)
    expect(response.headers.get('warning')).toBe('299 - "unknown field \\"spec.replicass\\""')
    expect(t.store.get('apps/deployments', 'default', 'typo')!.spec).not.toHaveProperty('replicass')
  })

  it('Ignore drops the field silently', async () => {
    const response = await t.request('POST', `${DEPLOYMENTS}?fieldValidation=Ignore`, { body: deployment({ replicass: 2 }) })
    expect([response.status, response.headers.get('warning')]).toEqual([201, null])
    expect(response.json!.spec).not.toHaveProperty('replicass')
  })

  it('Strict on a strategic-merge patch answers the recorded 422 that prints the patch as a Go map', async () => {
    await t.request('POST', DEPLOYMENTS, { body: deployment({ replicas: 1 }) })
    const response = await t.request('PATCH', `${DEPLOYMENTS}/typo?fieldValidation=Strict`, {
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
      body: { spec: { replicas: null, replicass: 2 } },
    })
    const message = 'Invalid value: "map[spec:map[replicas:<nil> replicass:2]]": strict decoding error: unknown field "spec.replicass"'
    expect(response.status).toBe(422)
    expect(response.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: ` "" is invalid: patch: ${message}`, reason: 'Invalid', details: { causes: [{ reason: 'FieldValueInvalid', message, field: 'patch' }] }, code: 422 })
    expect(t.store.get('apps/deployments', 'default', 'typo')!.spec).toMatchObject({ replicas: 1 })
  })

  it('an unknown field in a custom resource is refused under Strict too', async () => {
    const response = await t.request('POST', '/apis/networking.istio.io/v1/namespaces/default/virtualservices?fieldValidation=Strict', {
      body: { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'r' }, spec: { hosts: ['r'], htttp: [] } },
    })
    expect([response.status, response.json!.message]).toEqual([400, 'VirtualService in version "v1" cannot be handled as a VirtualService: strict decoding error: unknown field "spec.htttp"'])
  })

  it('dryRun=All checks and answers but stores nothing (create, patch, delete)', async () => {
    const created = await t.request('POST', `${DEPLOYMENTS}?dryRun=All`, { body: deployment() })
    expect([created.status, created.json!.metadata.name]).toEqual([201, 'typo'])
    expect(t.store.get('apps/deployments', 'default', 'typo')).toBeUndefined()
    await t.request('POST', DEPLOYMENTS, { body: deployment({ replicas: 1 }) })
    const before = t.store.get('apps/deployments', 'default', 'typo')!
    const patched = await t.request('PATCH', `${DEPLOYMENTS}/typo?dryRun=All`, { headers: { 'Content-Type': 'application/merge-patch+json' }, body: { spec: { replicas: 5 } } })
    expect(patched.json!.spec.replicas).toBe(5)
    const deleted = await t.request('DELETE', `${DEPLOYMENTS}/typo?dryRun=All`)
    expect(deleted.status).toBe(200)
    expect(t.store.get('apps/deployments', 'default', 'typo')).toEqual(before)
  })
})

describe('the pieces', () => {
  it('findDuplicateFields reports every repeated key with its path, ignoring keys inside strings', () => {
    expect(findDuplicateFields('{"a":1,"b":{"c":"{\\"c\\":1}","c":2,"c":3},"l":[{"x":1},{"x":1,"x":2}],"a":4}')).toEqual(['b.c', 'b.c', 'l[1].x', 'a'])
  })

  it('formatGoValue prints like Go fmt %v of decoded JSON', () => {
    expect(formatGoValue({ b: [1, 'x', null], a: { z: true }, n: 1_000_000, f: 0.5 })).toBe('map[a:map[z:true] b:[1 x <nil>] f:0.5 n:1e+06]')
  })
})
