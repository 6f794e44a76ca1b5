/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- recorded bodies are untyped JSON */
// Replays every HTTP exchange of the 28 kubectl 1.32 transcripts (fixtures/apiserver-v1.32) against the emulated API server.
// Each transcript gets a fresh server holding the objects its own answers (JSON or protobuf) show existing; the status of every answer must be
// the recorded one, except for the exchanges in ANSWERED_DIFFERENTLY, which the README lists with the reason.
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { startTestApiServer, type TestApiServer } from '../../../fixtures/apiserver/start-test-api-server.js'
import { messageToJson } from './protobuf/proto-to-json.js'
import { openEnvelope } from './protobuf/protobuf-envelope.js'
import { findMessageType } from './protobuf/protobuf-schema.js'
import { RESOURCES, storeKey } from './resource-table.js'

const DIRECTORY = new URL('../../../fixtures/apiserver-v1.32/', import.meta.url)
const TRANSCRIPTS = readdirSync(DIRECTORY).filter((file) => /^kubectl-\d\d-.*\.json$/.test(file)).sort()

interface Exchange {
  n: number
  method: string
  path: string
  query: string
  request: { headers: [string, string][]; body_base64?: string | null; body_is_protobuf?: boolean }
  response: { status: number; body_text?: string; body_is_protobuf?: boolean; body_base64?: string }
}

/** Why an exchange is answered with another status than recorded; the README lists these. */
const ANSWERED_DIFFERENTLY: { reason: string; matches: (file: string, exchange: Exchange, status: number) => boolean }[] = [
  {
    reason: 'the PodDisruptionBudget web-pdb that blocked these evictions (429) is not in the drain transcripts, so they succeed (201)',
    matches: (file, exchange, status) => file.includes('drain') && exchange.path.endsWith('/eviction') && exchange.response.status === 429 && status === 201,
  },
  {
    reason: "drain's once-a-second GET of an evicted pod: the recorded kubelet deleted it ~1 s later (404); the replay has no kubelet, so it stays terminating (200)",
    matches: (file, exchange, status) => file.includes('drain') && exchange.method === 'GET' && exchange.response.status === 404 && status === 200,
  },
]

/** Exchanges not replayed over plain HTTP: upgrades (port-forward/exec, in kubectl-conformance.test.ts) and watches (watch.test.ts). */
const notReplayed = (exchange: Exchange): boolean =>
  exchange.request.headers.some(([name]) => name.toLowerCase() === 'upgrade') || /(^|&)watch=true/.test(exchange.query)

const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The answer's object, from JSON or from a protobuf answer (decoded with the emulator's own protobuf tables). */
const answerBody = (exchange: Exchange): Record<string, any> | undefined => {
  if (exchange.response.body_is_protobuf && exchange.response.body_base64) {
    const envelope = openEnvelope(Buffer.from(exchange.response.body_base64, 'base64'))
    const type = findMessageType(envelope.apiVersion, envelope.kind)
    return type ? { ...messageToJson(type, type.decode(envelope.raw)), apiVersion: envelope.apiVersion, kind: envelope.kind } : undefined
  }
  if (!exchange.response.body_text?.startsWith('{')) return undefined
  try {
    return JSON.parse(exchange.response.body_text) as Record<string, any>
  } catch {
    return undefined // a watch stream: one JSON event per line
  }
}

/** Every object the transcript's own successful GETs show: the state the recorded command ran in. */
const seedFrom = (t: TestApiServer, exchanges: Exchange[]) => {
  const seed = (object: Record<string, any>, apiVersion: unknown, kind: string) => {
    if (typeof apiVersion !== 'string') return
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : ''
    const resource = RESOURCES.find((entry) => entry.kind === kind && entry.group === group)
    if (!resource || !isObject(object.metadata) || !object.metadata.name) return
    const { uid: _uid, resourceVersion: _rv, creationTimestamp: _created, managedFields: _managed, ...metadata } = object.metadata
    if (t.store.get(storeKey(resource), metadata.namespace, metadata.name)) return
    if (resource.namespaced && !t.store.get('namespaces', undefined, metadata.namespace)) {
      t.store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: metadata.namespace }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })
    }
    t.store.create(storeKey(resource), { ...object, apiVersion, kind, metadata })
  }
  for (const exchange of exchanges) {
    // A GET answered 200 shows an object; so does a PATCH or PUT answered 200 (it changed one that existed).
    if (!['GET', 'PATCH', 'PUT'].includes(exchange.method) || exchange.response.status !== 200) continue
    const body = answerBody(exchange)
    if (!body) continue
    if (typeof body.kind !== 'string' || body.kind === 'Table') continue
    if (body.kind.endsWith('List') && Array.isArray(body.items)) for (const item of body.items) seed(item, body.apiVersion, body.kind.slice(0, -'List'.length))
    else seed(body, body.apiVersion, body.kind)
  }
}

const replay = async (t: TestApiServer, exchange: Exchange): Promise<number> => {
  const headers: Record<string, string> = {}
  for (const [name, value] of exchange.request.headers) if (['accept', 'content-type', 'user-agent'].includes(name.toLowerCase())) headers[name] = value
  const body = exchange.request.body_base64 ? Buffer.from(exchange.request.body_base64, 'base64') : undefined
  const response = await fetch(`${t.server.url}${exchange.path}${exchange.query ? `?${exchange.query}` : ''}`, {
    method: exchange.method,
    headers: { ...headers, Authorization: 'Bearer test-token-0123456789' },
    ...(body && body.length > 0 ? { body } : {}),
  })
  await response.arrayBuffer()
  return response.status
}

describe('kubectl 1.32 transcripts replayed against the emulated API server', () => {
  let t: TestApiServer | undefined
  const used = new Set<string>()
  afterAll(() => {
    // Every listed difference still happens, so the README's list stays true.
    if (TRANSCRIPTS.length === 28) expect([...used].sort()).toEqual(ANSWERED_DIFFERENTLY.map((entry) => entry.reason).sort())
  })
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it.each(TRANSCRIPTS)('%s: every exchange answered with the recorded status, or listed as answered differently', async (file) => {
    const { exchanges } = JSON.parse(readFileSync(new URL(file, DIRECTORY), 'utf8')) as { exchanges: Exchange[] }
    t = await startTestApiServer()
    seedFrom(t, exchanges)
    const differences: string[] = []
    for (const exchange of exchanges.filter((entry) => !notReplayed(entry))) {
      const status = await replay(t, exchange)
      if (status === exchange.response.status) continue
      const known = ANSWERED_DIFFERENTLY.find((entry) => entry.matches(file, exchange, status))
      if (known) used.add(known.reason)
      else differences.push(`${exchange.n} ${exchange.method} ${exchange.path}: ${status}, recorded ${exchange.response.status}`)
    }
    expect(differences).toEqual([])
  })
})
