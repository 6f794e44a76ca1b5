/* eslint-disable @typescript-eslint/no-explicit-any -- decoded test bodies are read field by field */
// Kubernetes protobuf through the emulated API server: recorded kubectl bodies in, protobuf out for protobuf-only clients,
// and the decoder's refusals with kube-apiserver's codes and messages.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApiServer, TEST_TOKEN, type TestApiServer } from '../../../fixtures/apiserver/start-test-api-server.js'
import { decodeProtobufObject } from './protobuf/decode-protobuf-object.js'
import { encodeProtobufObject } from './protobuf/encode-protobuf-object.js'
import { openEnvelope, PROTOBUF_MAGIC, sealEnvelope } from './protobuf/protobuf-envelope.js'

const PROTOBUF = 'application/vnd.kubernetes.protobuf'
const KUBECTL_ACCEPT = `${PROTOBUF},application/json`

interface Recording {
  exchanges: { path: string; request: { body_base64?: string; body_is_protobuf?: boolean } }[]
}
const recordedCreate = (name: string) => {
  const recording = JSON.parse(readFileSync(new URL(`../../../fixtures/apiserver-v1.32/kubectl-${name}.json`, import.meta.url), 'utf8')) as Recording
  const exchange = recording.exchanges.find((candidate) => candidate.request.body_is_protobuf)!
  return { path: exchange.path, body: Buffer.from(exchange.request.body_base64!, 'base64') }
}

const decodeAny = (body: Buffer) => {
  const { apiVersion, kind } = openEnvelope(body)
  return decodeProtobufObject(body, { apiVersion, kind, internalGroup: 'core' }) as Record<string, any>
}

let t: TestApiServer
const send = async (method: string, path: string, body: Buffer | undefined, headers: Record<string, string>) => {
  const response = await fetch(`${t.server.url}${path}`, { method, headers: { Authorization: `Bearer ${TEST_TOKEN}`, ...headers }, ...(body ? { body } : {}) })
  const bytes = Buffer.from(await response.arrayBuffer())
  const contentType = response.headers.get('content-type') ?? ''
  return { status: response.status, contentType, bytes, json: contentType === 'application/json' ? (JSON.parse(bytes.toString('utf8')) as Record<string, any>) : undefined }
}
const postProtobuf = (path: string, body: Buffer, accept = KUBECTL_ACCEPT) => send('POST', path, body, { 'Content-Type': PROTOBUF, Accept: accept })

describe('protobuf request bodies', () => {
  beforeAll(async () => {
    t = await startTestApiServer()
  })
  afterAll(async () => t.close())

  it('creates what kubectl 1.32 sent for create deployment/namespace/configmap/secret/service/pdb, answering JSON since Accept allows it', async () => {
    for (const name of ['01-create-deployment', '02-create-namespace', '03-create-configmap', '04-create-secret', '05-create-service', '06-create-pdb']) {
      const { path, body } = recordedCreate(name)
      const answer = await postProtobuf(path, body)
      expect({ name, status: answer.status, contentType: answer.contentType }).toEqual({ name, status: 201, contentType: 'application/json' })
    }
    const deployment = t.store.get('apps/deployments', 'default', 'web')!
    expect(deployment.spec).toMatchObject({ replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'agnhost', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] } } })
    expect(t.store.get('namespaces', undefined, 'team-a')?.status).toEqual({ phase: 'Active' })
    expect(t.store.get('configmaps', 'default', 'settings')?.data).toEqual({ mode: 'chaos' })
    expect(t.store.get('secrets', 'default', 'creds')?.data).toEqual({ token: 'YWJj' })
    expect((t.store.get('services', 'default', 'web')?.spec as { ports: unknown }).ports).toEqual([{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }])
    expect(t.store.get('policy/poddisruptionbudgets', 'default', 'web-pdb')?.spec).toEqual({ minAvailable: 2, selector: { matchLabels: { app: 'web' } } })
  })

  it('answers protobuf to a client that accepts only protobuf: objects, lists and the 404 Status', async () => {
    const json = await send('GET', '/apis/apps/v1/namespaces/default/deployments/web', undefined, { Accept: 'application/json' })
    const protobuf = await send('GET', '/apis/apps/v1/namespaces/default/deployments/web', undefined, { Accept: PROTOBUF })
    expect(protobuf.status).toBe(200)
    expect(protobuf.contentType).toBe(PROTOBUF)
    expect(protobuf.bytes.subarray(0, 4)).toEqual(PROTOBUF_MAGIC)
    const decoded = decodeAny(protobuf.bytes)
    expect(decoded.metadata).toEqual(json.json!.metadata)
    expect(decoded.spec).toEqual(json.json!.spec)

    const list = decodeAny((await send('GET', '/api/v1/namespaces/default/configmaps', undefined, { Accept: PROTOBUF })).bytes) as { kind: string; items: { metadata: { name: string } }[] }
    expect(list.kind).toBe('ConfigMapList')
    expect(list.items.map((item) => item.metadata.name)).toEqual(['settings'])

    const missing = await send('GET', '/api/v1/namespaces/default/pods/nope', undefined, { Accept: PROTOBUF })
    expect(missing.status).toBe(404)
    expect(decodeAny(missing.bytes)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'pods' }, code: 404 })
  })

  it('reads Eviction, DeleteOptions and Scale bodies in protobuf', async () => {
    const pod = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p1' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }
    expect((await postProtobuf('/api/v1/namespaces/default/pods', encodeProtobufObject(pod)!)).status).toBe(201)
    const eviction = encodeProtobufObject({ kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name: 'p1', namespace: 'default' }, deleteOptions: {} })!
    const evicted = await postProtobuf('/api/v1/namespaces/default/pods/p1/eviction', eviction)
    expect({ status: evicted.status, body: evicted.json }).toEqual({ status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } })

    expect((await postProtobuf('/api/v1/namespaces/default/configmaps', encodeProtobufObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'gone' } })!)).status).toBe(201)
    const options = encodeProtobufObject({ kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, propagationPolicy: 'Background' })!
    const deleted = await send('DELETE', '/api/v1/namespaces/default/configmaps/gone', options, { 'Content-Type': PROTOBUF, Accept: KUBECTL_ACCEPT })
    expect(deleted.status).toBe(200)
    expect(t.store.get('configmaps', 'default', 'gone')).toBeUndefined()

    const scale = encodeProtobufObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 5 } })!
    const scaled = await send('PUT', '/apis/apps/v1/namespaces/default/deployments/web/scale', scale, { 'Content-Type': PROTOBUF, Accept: PROTOBUF })
    expect(scaled.status).toBe(200)
    expect(decodeAny(scaled.bytes)).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 5 } })
    expect((t.store.get('apps/deployments', 'default', 'web')?.spec as { replicas: number }).replicas).toBe(5)
  })
})

describe('protobuf bodies the API server refuses, with kube-apiserver 1.32 codes and messages', () => {
  beforeAll(async () => {
    t = await startTestApiServer()
  })
  afterAll(async () => t.close())

  const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments'
  const refusal = async (body: Buffer, path = DEPLOYMENTS) => {
    const answer = await postProtobuf(path, body)
    return { code: answer.status, reason: answer.json?.reason as string, message: answer.json?.message as string }
  }

  it('an empty body, a JSON body and a bare magic are not protobuf messages', async () => {
    expect(await refusal(Buffer.alloc(0))).toEqual({ code: 400, reason: 'BadRequest', message: 'the object provided is unrecognized (must be of type Deployment): empty data (<empty>)' })
    expect(await refusal(Buffer.from('{"kind":"Deployment","apiVersion":"apps/v1"}'))).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: 'the object provided is unrecognized (must be of type Deployment): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] ({"kind":"Deployment","apiVersi ...)',
    })
    expect(await refusal(PROTOBUF_MAGIC)).toEqual({ code: 400, reason: 'BadRequest', message: 'the object provided is unrecognized (must be of type Deployment): empty body (6b387300)' })
  })

  it('a truncated body is an unexpected EOF', async () => {
    const { body } = recordedCreate('01-create-deployment')
    const truncated = body.subarray(0, 100)
    expect(await refusal(truncated)).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: `the object provided is unrecognized (must be of type Deployment): unexpected EOF (${truncated.subarray(0, 30).toString('hex')} ...)`,
    })
  })

  it('a body of another kind, or of a kind no group registers, cannot be handled as the URL kind', async () => {
    expect(await refusal(recordedCreate('03-create-configmap').body)).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: 'ConfigMap in version "v1" cannot be handled as a Deployment: converting (v1.ConfigMap) to (apps.Deployment): unknown conversion',
    })
    expect(await refusal(sealEnvelope('v1', 'Frobnicator', Buffer.alloc(0)))).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: 'Frobnicator in version "v1" cannot be handled as a Deployment: no kind "Frobnicator" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    })
  })

  it('custom resources read JSON only: a protobuf body gets 415, a protobuf-only Accept 406', async () => {
    const body = sealEnvelope('networking.istio.io/v1', 'VirtualService', Buffer.alloc(0))
    expect(await refusal(body, '/apis/networking.istio.io/v1/namespaces/default/virtualservices')).toEqual({
      code: 415,
      reason: 'UnsupportedMediaType',
      message: 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
    })
    const list = await send('GET', '/apis/networking.istio.io/v1/namespaces/default/virtualservices', undefined, { Accept: PROTOBUF })
    expect(list.status).toBe(406)
    expect(decodeAny(list.bytes).message).toBe('only the following media types are accepted: application/json, application/yaml')
  })

  it('keeps serving after every refusal', async () => {
    expect((await send('GET', '/api/v1/namespaces/default/pods', undefined, { Accept: KUBECTL_ACCEPT })).status).toBe(200)
  })
})
