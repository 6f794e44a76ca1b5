// What serving an OpenAPI document costs per request, over loopback with one keep-alive connection, against GET /version.
// Run: npx tsx bench/openapi.ts
import { Agent, request } from 'node:http'
import { cpus, loadavg } from 'node:os'
import { startApiServer } from '../src/emulator/api-server/start-api-server.js'
import { openApiDocuments } from '../src/emulator/api-server/openapi/openapi-documents.js'
import { Store } from '../src/emulator/store/store.js'

const TOKEN = 'bench-token'
const ROUNDS = 300

const store = new Store()
const server = await startApiServer({ store, token: TOKEN })
const agent = new Agent({ keepAlive: true, maxSockets: 1 })

/** Milliseconds from sending the request to the last byte of the answer. */
const timeOne = (path: string, accept: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const outgoing = request(`${server.url}${path}`, { agent, headers: { Authorization: `Bearer ${TOKEN}`, Accept: accept } }, (response) => {
      response.on('data', () => undefined)
      response.on('end', () => (response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${path}: ${String(response.statusCode)}`))))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const measure = async (path: string, accept = 'application/json') => {
  for (let n = 0; n < 20; n += 1) await timeOne(path, accept)
  const times: number[] = []
  for (let n = 0; n < ROUNDS; n += 1) times.push(await timeOne(path, accept))
  return median(times)
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`)
const coldStart = performance.now()
const documents = openApiDocuments()
console.log(`first use: reading and hashing ${documents.v3.size + 1} documents took ${(performance.now() - coldStart).toFixed(1)} ms (once per process)`)
const baseline = await measure('/version')
console.log(`${'GET /version (baseline)'.padEnd(52)} median ${baseline.toFixed(3)} ms over ${ROUNDS} requests`)
const hashOf = (path: string) => documents.v3.get(path)!.hash
for (const [label, path, accept] of [
  ['GET /openapi/v3 (index)', '/openapi/v3', 'application/json, */*'],
  ['GET /openapi/v3/apis/policy/v1 (125 KB)', `/openapi/v3/apis/policy/v1?hash=${hashOf('apis/policy/v1')}`, 'application/json'],
  ['GET /openapi/v3/apis/apps/v1 (654 KB)', `/openapi/v3/apis/apps/v1?hash=${hashOf('apis/apps/v1')}`, 'application/json'],
  ['GET /openapi/v3/api/v1 (1.4 MB)', `/openapi/v3/api/v1?hash=${hashOf('api/v1')}`, 'application/json'],
  ['GET /openapi/v2 (2.2 MB)', '/openapi/v2', 'application/json'],
] as const) {
  const value = await measure(path, accept)
  console.log(`${label.padEnd(52)} median ${value.toFixed(3)} ms, ${(value - baseline).toFixed(3)} ms more than /version`)
}
agent.destroy()
await server.close()
