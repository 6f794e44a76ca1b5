// What serving an OpenAPI document costs per request, against GET /version on the same connection, three ways:
// a Node client on the server's own thread (both ends' work on one core), curl in its own process over plain http,
// and curl over the HTTPS endpoint a `cluster up` kubeconfig points kubectl at. With curl, it also prints the server's own
// CPU time per request (this process's, while curl runs in its own): what serving adds apart from the client's
// receiving. Run: npx tsx bench/openapi.ts
import { Agent, request } from 'node:http'
import { startApiServer } from '../src/emulator/api-server/start-api-server.js'
import { openApiDocuments } from '../src/emulator/api-server/openapi/openapi-documents.js'
import { Store } from '../src/emulator/store/store.js'
import { startApiTlsEndpoint } from '../src/emulator/topology/api-tls-endpoint.js'
import { describeMachine, median } from './lib/machine.js'
import { hasCurl, timeWithCurl } from './lib/time-with-curl.js'

const TOKEN = 'bench-token'
const ROUNDS = 300
const WARM_UP = 20
const HEADERS = { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' }

const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]!
const line = (label: string, baseline: number[], target: number[]) =>
  `  ${label.padEnd(50)} median ${median(target).toFixed(3)} ms (p90 ${p90(target).toFixed(3)}), ${(median(target) - median(baseline)).toFixed(3)} ms more than /version (${median(baseline).toFixed(3)})`

console.log(describeMachine())
const coldStart = performance.now()
const documents = openApiDocuments()
console.log(`first use: reading and hashing ${documents.v3.size + 1} documents took ${(performance.now() - coldStart).toFixed(1)} ms (once per process)`)
const server = await startApiServer({ store: new Store(), token: TOKEN })
const tls = await startApiTlsEndpoint(server)
const hashOf = (path: string) => documents.v3.get(path)!.hash
const targets = [
  ['/openapi/v3 (index)', '/openapi/v3'],
  ['/openapi/v3/apis/policy/v1 (125 KB)', `/openapi/v3/apis/policy/v1?hash=${hashOf('apis/policy/v1')}`],
  ['/openapi/v3/apis/apps/v1 (654 KB)', `/openapi/v3/apis/apps/v1?hash=${hashOf('apis/apps/v1')}`],
  ['/openapi/v3/api/v1 (1.4 MB)', `/openapi/v3/api/v1?hash=${hashOf('api/v1')}`],
  ['/openapi/v2 (2.2 MB)', '/openapi/v2'],
] as const

/** This process's CPU milliseconds (user + system) per curl pair, warm-up pairs included: the server's work, curl runs elsewhere. */
const serverCpuPerPair = async (run: () => Promise<unknown>): Promise<number> => {
  const before = process.cpuUsage()
  await run()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000 / (ROUNDS + WARM_UP)
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 })
/** Milliseconds from sending the request to the last byte of the answer. */
const timeOne = (path: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const outgoing = request(`${server.url}${path}`, { agent, headers: HEADERS }, (response) => {
      response.on('data', () => undefined)
      response.on('end', () => (response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${path}: ${String(response.statusCode)}`))))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
console.log(`Node client on the server's thread, plain http (${ROUNDS} pairs, interleaved with /version):`)
for (const [label, path] of targets) {
  for (let n = 0; n < 20; n += 1) await timeOne(path)
  const baseline: number[] = []
  const target: number[] = []
  for (let n = 0; n < ROUNDS; n += 1) {
    baseline.push(await timeOne('/version'))
    target.push(await timeOne(path))
  }
  console.log(line(label, baseline, target))
}
agent.destroy()

if (await hasCurl()) {
  for (const [title, base] of [
    ['curl in its own process, plain http', server.url],
    ["curl in its own process, HTTPS through the TLS endpoint (kubectl's path)", tls.url],
  ] as const) {
    console.log(`${title} (${ROUNDS} pairs):`)
    const versionPairCpu = await serverCpuPerPair(() => timeWithCurl(`${base}/version`, `${base}/version`, HEADERS, ROUNDS, 200, WARM_UP))
    for (const [label, path] of targets.slice(2)) {
      let timings: Awaited<ReturnType<typeof timeWithCurl>> | undefined
      const pairCpu = await serverCpuPerPair(async () => (timings = await timeWithCurl(`${base}/version`, `${base}${path}`, HEADERS, ROUNDS, 200, WARM_UP)))
      console.log(`${line(label, timings!.baseline, timings!.target)}; server CPU +${(pairCpu - versionPairCpu).toFixed(3)} ms`)
    }
    const cached = await timeWithCurl(`${base}/version`, `${base}${targets[3][1]}`, { ...HEADERS, 'If-None-Match': `"${hashOf('api/v1')}"` }, ROUNDS, 304)
    console.log(line('/openapi/v3/api/v1 with If-None-Match (304)', cached.baseline, cached.target))
  }
} else console.log('curl is not on PATH: the separate-process figures are skipped')
await tls.close()
await server.close()
