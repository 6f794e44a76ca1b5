// Every built-in kind the emulated cluster serves, read as protobuf by a protobuf-only client, equals its JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmulatedCluster } from '../emulated-cluster.js'
import { startEmulatedCluster } from '../start-emulated-cluster.js'
import { decodeProtobufObject } from './protobuf/decode-protobuf-object.js'
import { openEnvelope } from './protobuf/protobuf-envelope.js'

const LISTS = [
  '/api/v1/pods',
  '/api/v1/nodes',
  '/api/v1/namespaces',
  '/api/v1/services',
  '/api/v1/endpoints',
  '/api/v1/serviceaccounts',
  '/api/v1/events',
  '/apis/apps/v1/deployments',
  '/apis/apps/v1/replicasets',
  '/apis/apps/v1/daemonsets',
  '/apis/coordination.k8s.io/v1/leases',
  '/apis/discovery.k8s.io/v1/endpointslices',
]

type Item = { metadata: { uid: string; resourceVersion: string } } & Record<string, unknown>

/** Go's JSON omits empty slices marked omitempty; the emulator sometimes stores them (node `status.images: []`). */
const withoutEmptyArrays = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutEmptyArrays)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).filter(([, item]) => !(Array.isArray(item) && item.length === 0)).map(([key, item]) => [key, withoutEmptyArrays(item)]))
}

let cluster: EmulatedCluster
const list = async (path: string, accept: string) => {
  const response = await fetch(`${cluster.apiUrl}${path}`, { headers: { Authorization: `Bearer ${cluster.token}`, Accept: accept } })
  return { contentType: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
}

describe('protobuf answers for every served built-in kind', () => {
  beforeAll(async () => {
    cluster = await startEmulatedCluster({ bookinfo: true })
  })
  afterAll(async () => cluster?.stop())

  it.each(LISTS)('%s: each item as protobuf equals the same item (same resourceVersion) as JSON', async (path) => {
    const asJson = JSON.parse((await list(path, 'application/json')).bytes.toString('utf8')) as { kind: string; items: Item[] }
    const protobuf = await list(path, 'application/vnd.kubernetes.protobuf')
    expect(protobuf.contentType).toBe('application/vnd.kubernetes.protobuf')
    const { apiVersion, kind } = openEnvelope(protobuf.bytes)
    expect(kind).toBe(asJson.kind)
    const decoded = decodeProtobufObject(protobuf.bytes, { apiVersion, kind, internalGroup: 'core' }) as unknown as { items: Item[] }
    const byVersion = new Map(asJson.items.map((item) => [`${item.metadata.uid}/${item.metadata.resourceVersion}`, item]))
    const compared = decoded.items.filter((item) => byVersion.has(`${item.metadata.uid}/${item.metadata.resourceVersion}`))
    expect(compared.length).toBeGreaterThan(0)
    for (const item of compared) expect(withoutEmptyArrays(item)).toEqual(withoutEmptyArrays(byVersion.get(`${item.metadata.uid}/${item.metadata.resourceVersion}`)))
  })
})
