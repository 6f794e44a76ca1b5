// What decoding a Kubernetes protobuf Deployment costs per request, against the same Deployment as JSON.
// Run: npx tsx bench/protobuf-decode.ts
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { startApiServer } from '../src/emulator/api-server/start-api-server.js'
import { decodeProtobufObject } from '../src/emulator/api-server/protobuf/decode-protobuf-object.js'
import { encodeProtobufObject } from '../src/emulator/api-server/protobuf/encode-protobuf-object.js'
import { Store } from '../src/emulator/store/store.js'

const TOKEN = 'bench-token'
const REQUESTS = 400
const DECODES = 20_000
const DEPLOYMENT = { apiVersion: 'apps/v1', kind: 'Deployment', internalGroup: 'apps' }

const recording = JSON.parse(readFileSync(new URL('../fixtures/apiserver-v1.32/kubectl-01-create-deployment.json', import.meta.url), 'utf8')) as {
  exchanges: { request: { body_base64?: string; body_is_protobuf?: boolean } }[]
}
const kubectlBody = Buffer.from(recording.exchanges.find((exchange) => exchange.request.body_is_protobuf)!.request.body_base64!, 'base64')
const asJson = decodeProtobufObject(kubectlBody, DEPLOYMENT)

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const micros = (ms: number) => `${(ms * 1000).toFixed(1)} µs`

/** Median time of one call, from batches of 100 calls. */
const timeCall = (call: () => unknown): number => {
  const batches: number[] = []
  for (let batch = 0; batch < DECODES / 100; batch += 1) {
    const start = performance.now()
    for (let n = 0; n < 100; n += 1) call()
    batches.push((performance.now() - start) / 100)
  }
  return median(batches)
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`)
const jsonText = JSON.stringify(asJson)
const decodeJson = timeCall(() => JSON.parse(jsonText))
const decodeProtobuf = timeCall(() => decodeProtobufObject(kubectlBody, DEPLOYMENT))
console.log(`decode only, kubectl's create deployment body (${kubectlBody.length} B protobuf, ${jsonText.length} B JSON), median of ${DECODES / 100} batches of 100:`)
console.log(`  JSON.parse ${micros(decodeJson)}   protobuf decode ${micros(decodeProtobuf)}   difference ${micros(decodeProtobuf - decodeJson)}`)

const store = new Store()
store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })
const server = await startApiServer({ store, token: TOKEN })
const post = async (body: Buffer | string, contentType: string): Promise<number> => {
  const start = performance.now()
  const response = await fetch(`${server.url}/apis/apps/v1/namespaces/default/deployments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': contentType, Accept: 'application/vnd.kubernetes.protobuf,application/json' },
    body,
  })
  await response.arrayBuffer()
  if (response.status !== 201) throw new Error(`POST answered ${response.status}`)
  return performance.now() - start
}
const named = (name: string) => ({ ...asJson, metadata: { ...(asJson.metadata as object), name } })
const json: number[] = []
const protobuf: number[] = []
for (let n = 0; n < REQUESTS; n += 1) {
  // interleaved, so load from other processes falls on both alike
  json.push(await post(JSON.stringify(named(`json-${n}`)), 'application/json'))
  protobuf.push(await post(encodeProtobufObject(named(`pb-${n}`))!, 'application/vnd.kubernetes.protobuf'))
}
await server.close()
console.log(`POST create deployment over HTTP, ${REQUESTS} of each, one at a time, interleaved:`)
console.log(`  median JSON ${median(json).toFixed(3)} ms   median protobuf ${median(protobuf).toFixed(3)} ms   added by protobuf ${(median(protobuf) - median(json)).toFixed(3)} ms (budget 1 ms)`)
console.log(`load average after: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`)
