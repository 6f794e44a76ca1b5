// Mesh cost on bookinfo: cold start of the emulated cluster with bookinfo, then /productpage under load
// (autocannon in a child process) through the ingress, straight to the productpage pod, and with no mesh at all.
// `npx tsx bench/mesh.ts` (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_STARTS to change the defaults).
import { Agent, request } from 'node:http'
import { cpus, loadavg, platform, release } from 'node:os'
import { execa } from 'execa'
import { createMesh } from '../src/emulator/mesh/create-mesh.js'
import { startTestPods } from '../src/emulator/mesh/testing/start-test-pods.js'
import { PodNetwork } from '../src/emulator/pod-network.js'
import { startEmulatedCluster } from '../src/emulator/start-emulated-cluster.js'
import { Store } from '../src/emulator/store/store.js'
import { applyManifests, bookinfoPrograms, readBookinfoManifests } from '../src/emulator/workloads/bookinfo/index.js'
import type { OutboundCall } from '../src/emulator/workloads/program.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const STARTS = Number(process.env.BENCH_STARTS ?? 3)

const AUTOCANNON = `import autocannon from 'autocannon'
const [url, connections, duration] = process.argv.slice(1)
const r = await autocannon({ url, connections: Number(connections), duration: Number(duration) })
console.log(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts }))`

interface LoadResult {
  rps: number
  p50: number
  p99: number
  total: number
  non2xx: number
  errors: number
  timeouts: number
}

const load = async (url: string, seconds = SECONDS, connections = CONNECTIONS): Promise<LoadResult> => {
  const { stdout } = await execa('node', ['--input-type=module', '-e', AUTOCANNON, url, String(connections), String(seconds)])
  return JSON.parse(stdout) as LoadResult
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN

const coldStarts: number[] = []
for (let run = 0; run < STARTS; run += 1) {
  const started = performance.now()
  const cluster = await startEmulatedCluster()
  const ready = performance.now() - started
  const page = await (await fetch(`${cluster.productPageUrl}/productpage`)).text()
  if (!page.includes('Book Reviews')) throw new Error('bookinfo did not serve its product page after start')
  coldStarts.push(ready)
  await cluster.stop()
}

// One bookinfo whose pods' way out can bypass the sidecars: then Services resolve to any ready pod, as kube-proxy does.
const store = new Store()
const network = new PodNetwork()
for (const { path, text } of await readBookinfoManifests()) applyManifests(store, text, { source: path })
for (const name of ['productpage', 'reviews', 'ratings', 'details']) store.remove('networking.istio.io/virtualservices', 'bookinfo', name)
const mesh = createMesh({ store, network })
let bypassMesh = false
let cursor = 0
const agent = new Agent({ keepAlive: true })
// The same node:http client the sidecars use, straight to a pod: the only difference left is the mesh.
const endpointsOf = new Map<string, number[]>()
const direct: OutboundCall = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url)
    const name = target.hostname.split('.')[0] ?? ''
    let ports = endpointsOf.get(name)
    if (!ports) {
      const selector = (store.get('services', 'bookinfo', name)?.spec as { selector: Record<string, string> }).selector
      const pods = store.list('pods', 'bookinfo').filter((pod) => Object.entries(selector).every(([k, v]) => pod.metadata.labels?.[k] === v))
      endpointsOf.set(name, (ports = pods.map((pod) => network.resolve(pod.metadata.uid!, Number(target.port))!.port)))
    }
    const address = { host: '127.0.0.1', port: ports[(cursor += 1) % ports.length]! }
    const headers = { ...init?.headers }
    request({ host: address.host, port: address.port, path: `${target.pathname}${target.search}`, headers, agent }, (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 502, headers: {}, body: Buffer.concat(chunks) }))
    })
      .on('error', reject)
      .end()
  })
const pods = await startTestPods(store, network, { outboundCall: (pod) => (url, init) => (bypassMesh ? direct(url, init) : mesh.outboundCall(pod)(url, init)) }, bookinfoPrograms)
const ingress = await mesh.startIngress({ port: 0 })
const productpage = pods.of('productpage-v1')[0]!.pod
const podUrl = `http://127.0.0.1:${network.resolve(productpage.metadata.uid!, 9080)!.port}/productpage`

// Warm-up (JIT, connection pools), discarded.
await load(`${ingress.url}/productpage`, 2)
await load(podUrl, 2)
bypassMesh = true
await load(podUrl, 2)
// Interleaved rounds, median per contender: a noisy neighbour on a shared machine hurts all three alike.
type Contender = 'ingress' | 'pod' | 'noMesh'
const rounds: Record<Contender, LoadResult[]> = { ingress: [], pod: [], noMesh: [] }
const single: Record<Contender, LoadResult[]> = { ingress: [], pod: [], noMesh: [] }
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, url, bypass] of [['ingress', `${ingress.url}/productpage`, false], ['pod', podUrl, false], ['noMesh', podUrl, true]] as const) {
    bypassMesh = bypass
    rounds[name].push(await load(url))
    single[name].push(await load(url, SECONDS, 1))
  }
}
const summary = (results: LoadResult[]): LoadResult => ({
  rps: median(results.map((r) => r.rps)),
  p50: median(results.map((r) => r.p50)),
  p99: median(results.map((r) => r.p99)),
  total: results.reduce((sum, r) => sum + r.total, 0),
  non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
  errors: results.reduce((sum, r) => sum + r.errors, 0),
  timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
})
const viaIngress = summary(rounds.ingress)
const podWithSidecars = summary(rounds.pod)
const podWithoutMesh = summary(rounds.noMesh)
await mesh.close()
await pods.stopAll()
agent.destroy()

const cpu = cpus()
console.log(`machine: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} cores, ${platform()} ${release()}, Node ${process.version}`)
console.log(`bookinfo ready from cold start (startEmulatedCluster, ${STARTS} runs): median ${median(coldStarts).toFixed(0)} ms [${coldStarts.map((ms) => ms.toFixed(0)).join(', ')}]`)
console.log(`load average during the run: ${loadavg().map((value) => value.toFixed(1)).join(' ')}`)
console.log(`/productpage, autocannon ${CONNECTIONS} connections × ${SECONDS} s, median of ${ROUNDS} interleaved rounds (each page = details + reviews (+ ratings (+ mongodb)) calls):`)
const row = (name: string, result: LoadResult) =>
  console.log(`  ${name.padEnd(40)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms  (${result.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors)`)
row('through the ingress (+ sidecars)', viaIngress)
row('productpage pod directly (+ sidecars)', podWithSidecars)
row('productpage pod, no mesh at all', podWithoutMesh)
console.log(`one connection at a time (latency without queueing), median of ${ROUNDS} rounds:`)
for (const [name, label] of [['ingress', 'through the ingress (+ sidecars)'], ['pod', 'productpage pod directly (+ sidecars)'], ['noMesh', 'productpage pod, no mesh at all']] as const) row(label, summary(single[name]))
console.log(`ratios: ingress hop ${(podWithSidecars.rps / viaIngress.rps).toFixed(2)}× throughput cost; whole mesh ${(podWithoutMesh.rps / viaIngress.rps).toFixed(2)}× (p99 ${(viaIngress.p99 / Math.max(1, podWithoutMesh.p99)).toFixed(2)}×)`)
