/* eslint-disable @typescript-eslint/no-explicit-any -- decoded test bodies are read field by field */
// The protobuf bodies kubectl 1.32 and kube-apiserver 1.32 exchanged (fixtures/apiserver-v1.32), decoded and re-encoded.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeProtobufObject } from './decode-protobuf-object.js'
import { encodeProtobufObject } from './encode-protobuf-object.js'
import { openEnvelope } from './protobuf-envelope.js'
import { PROTOBUF_SCHEMA_SOURCE } from './protobuf-schema.js'

interface Exchange {
  n: number
  method: string
  path: string
  request: { body_base64?: string; body_is_protobuf?: boolean }
  response: { status: number; content_type: string | null; body_base64?: string }
}

const exchanges = (name: string): Exchange[] =>
  (JSON.parse(readFileSync(new URL(`../../../../fixtures/apiserver-v1.32/kubectl-${name}.json`, import.meta.url), 'utf8')) as { exchanges: Exchange[] }).exchanges

const requestBody = (name: string) => Buffer.from(exchanges(name).find((exchange) => exchange.request.body_is_protobuf)!.request.body_base64!, 'base64')
const protobufResponses = (name: string) =>
  exchanges(name)
    .filter((exchange) => exchange.response.content_type === 'application/vnd.kubernetes.protobuf')
    .map((exchange) => ({ exchange, body: Buffer.from(exchange.response.body_base64!, 'base64') }))

/** Decodes a body as the kind its own envelope names, so any recorded body can be read. */
const decodeAsNamed = (body: Buffer) => {
  const { apiVersion, kind } = openEnvelope(body)
  return decodeProtobufObject(body, { apiVersion, kind, internalGroup: 'core' })
}

describe('kubectl create request bodies, recorded from kubectl 1.32', () => {
  it('names the proto source version', () => {
    expect(PROTOBUF_SCHEMA_SOURCE).toMatch(/k8s\.io\/api v0\.32\.\d+/)
  })

  it('create deployment: the apps/v1 Deployment kubectl would have sent as JSON, zero creationTimestamp as null', () => {
    expect(decodeProtobufObject(requestBody('01-create-deployment'), { apiVersion: 'apps/v1', kind: 'Deployment', internalGroup: 'apps' })).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ name: 'agnhost', image: 'registry.k8s.io/e2e-test-images/agnhost:2.39', ports: [{ containerPort: 8080 }], resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    })
  })

  it('create namespace, configmap and secret: maps, and bytes as base64', () => {
    expect(decodeAsNamed(requestBody('02-create-namespace'))).toEqual({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'team-a', creationTimestamp: null }, spec: {}, status: {} })
    expect(decodeAsNamed(requestBody('03-create-configmap'))).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'settings', creationTimestamp: null }, data: { mode: 'chaos' } })
    expect(decodeAsNamed(requestBody('04-create-secret'))).toEqual({ kind: 'Secret', apiVersion: 'v1', metadata: { name: 'creds', creationTimestamp: null }, data: { token: Buffer.from('abc').toString('base64') } })
  })

  it('create service: targetPort is an IntOrString', () => {
    expect(decodeAsNamed(requestBody('05-create-service'))).toMatchObject({
      kind: 'Service',
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'web' }, type: 'ClusterIP' },
    })
  })

  it('create pdb: minAvailable is an IntOrString; int32 fields without omitempty keep their zero', () => {
    expect(decodeAsNamed(requestBody('06-create-pdb'))).toEqual({
      kind: 'PodDisruptionBudget',
      apiVersion: 'policy/v1',
      metadata: { name: 'web-pdb', creationTimestamp: null },
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
      status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    })
  })
})

describe('kube-apiserver 1.32 protobuf answers', () => {
  it('a created Deployment: Time as RFC 3339 seconds, FieldsV1 as JSON, IntOrString percentages as strings', () => {
    const deployment = decodeAsNamed(protobufResponses('01-create-deployment')[0]!.body) as { metadata: Record<string, unknown>; spec: Record<string, unknown> }
    expect(deployment.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(deployment.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'kubectl-create', fieldsType: 'FieldsV1', fieldsV1: expect.objectContaining({ 'f:spec': expect.any(Object) }) })])
    expect(deployment.spec).toMatchObject({ replicas: 3, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } } })
  })

  it('a node and a pod from the drain: Quantities as strings, inline structs flattened, required zeros kept', () => {
    const drain = protobufResponses('17-drain')
    const node = decodeAsNamed(drain.find(({ exchange }) => exchange.method === 'PATCH')!.body) as { spec: unknown; status: { capacity: unknown } }
    expect(node.spec).toEqual({ unschedulable: true })
    expect(node.status.capacity).toEqual({ cpu: '4', 'ephemeral-storage': '102687672Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16393220Ki', pods: '110' })
    const pod = decodeAsNamed(drain.find(({ exchange }) => exchange.method === 'GET' && exchange.response.status === 200 && exchange.path.includes('/pods/'))!.body) as any
    expect(pod.spec.volumes[0]).toMatchObject({ name: expect.stringMatching(/^kube-api-access-/), projected: { defaultMode: 420 } })
    expect(pod.status.containerStatuses[0]).toMatchObject({ ready: true, restartCount: 0, started: true, state: { running: { startedAt: expect.any(String) } } })
  })

  it('a 404 Status in protobuf decodes to the JSON Status the emulator writes', () => {
    const notFound = protobufResponses('17-drain').find(({ exchange }) => exchange.response.status === 404)!
    const name = notFound.exchange.path.split('/').pop()!
    expect(decodeAsNamed(notFound.body)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `pods "${name}" not found`, reason: 'NotFound', details: { name, kind: 'pods' }, code: 404 })
  })

  it('every recorded protobuf answer survives decode → encode → decode unchanged', () => {
    const names = ['01-create-deployment', '02-create-namespace', '03-create-configmap', '04-create-secret', '05-create-service', '06-create-pdb', '17-drain', '18-uncordon', '19-drain-pdb-blocks-timeout', '25-port-forward']
    let count = 0
    for (const name of names) {
      for (const { body } of protobufResponses(name)) {
        const decoded = decodeAsNamed(body)
        expect(decodeAsNamed(encodeProtobufObject(decoded)!)).toEqual(decoded)
        count += 1
      }
    }
    expect(count).toBeGreaterThan(30)
  })

  it('a PodList keeps its items and ListMeta', () => {
    const list = decodeAsNamed(protobufResponses('25-port-forward')[0]!.body) as { kind: string; metadata: { resourceVersion: string }; items: { metadata: { name: string } }[] }
    expect(list.kind).toBe('PodList')
    expect(list.metadata.resourceVersion).toMatch(/^\d+$/)
    expect(list.items.length).toBeGreaterThan(0)
    expect(list.items.every((item) => item.metadata.name.length > 0)).toBe(true)
  })
})
