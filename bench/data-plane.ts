// The emulated data plane against the machine's own limit, in one run: /productpage through the ingress of an emulated
// cluster (its own worker thread) at 1 and 10 connections, and a bare Node HTTP server, each loaded by autocannon in a
// child process. Also the resident memory of the cluster with bookinfo. `npx tsx bench/data-plane.ts`
// (BENCH_SECONDS per load, default 5; BENCH_ROUNDS interleaved rounds, default 3).
import { execa } from 'execa'
import { startEmulatedCluster } from '../src/emulator/index.js'
import { describeMachine, median } from './lib/machine.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)

const AUTOCANNON = `import autocannon from 'autocannon'
const [url, connections, duration] = process.argv.slice(1)
const r = await autocannon({ url, connections: Number(connections), duration: Number(duration) })
console.log(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, bad: r.non2xx + r.errors + r.timeouts }))`
const BARE_SERVER = `require('http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`

interface LoadResult {
  rps: number
  p50: number
  p99: number
  total: number
  bad: number
}

const load = async (url: string, connections: number, seconds = SECONDS): Promise<LoadResult> => {
  const { stdout } = await execa('node', ['--input-type=module', '-e', AUTOCANNON, url, String(connections), String(seconds)])
  return JSON.parse(stdout) as LoadResult
}

console.log(describeMachine())
const rssBefore = process.memoryUsage.rss()
const cluster = await startEmulatedCluster({ bookinfo: true })
const bare = execa('node', ['-e', BARE_SERVER], { buffer: false, reject: false })
const barePort = await new Promise<string>((resolve) => bare.stdout.once('data', (chunk: Buffer) => resolve(String(chunk).trim())))
const contenders = {
  'ingress /productpage, 1 connection': [`${cluster.productPageUrl}/productpage`, 1],
  'ingress /productpage, 10 connections': [`${cluster.productPageUrl}/productpage`, 10],
  'bare node:http server, 10 connections': [`http://127.0.0.1:${barePort}/`, 10],
} as const
type Name = keyof typeof contenders
const results = new Map<Name, LoadResult[]>()
let rssLoaded = 0
// this process's CPU while autocannon (another process) loads the ingress: the cluster's threads, the main one idles
const cpuPerPage: number[] = []
try {
  for (const [url, connections] of Object.values(contenders)) await load(url, connections, 2) // warm-up: JIT and connection pools
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, [url, connections]] of Object.entries(contenders) as [Name, (typeof contenders)[Name]][]) {
      const cpuBefore = process.cpuUsage()
      const result = await load(url, connections)
      const cpu = process.cpuUsage(cpuBefore)
      if (result.bad > 0) throw new Error(`${name}: ${result.bad} failed requests`)
      if (url.startsWith(cluster.productPageUrl!)) cpuPerPage.push((cpu.user + cpu.system) / result.total)
      results.set(name, [...(results.get(name) ?? []), result])
      rssLoaded = Math.max(rssLoaded, process.memoryUsage.rss())
    }
  }
} finally {
  bare.kill()
  await cluster.stop()
}

const summary = (name: Name) => {
  const runs = results.get(name) ?? []
  return { rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), total: runs.reduce((sum, r) => sum + r.total, 0) }
}
console.log(`autocannon (child process) × ${SECONDS} s, median of ${ROUNDS} interleaved rounds; the cluster runs in a worker thread of this process:`)
for (const name of Object.keys(contenders) as Name[]) {
  const s = summary(name)
  console.log(`  ${name.padEnd(40)} ${s.rps.toFixed(0).padStart(6)} req/s  p50 ${String(s.p50).padStart(3)} ms  p99 ${String(s.p99).padStart(3)} ms  (${s.total} requests)`)
}
const ratio = summary('bare node:http server, 10 connections').rps / summary('ingress /productpage, 10 connections').rps
console.log(`ratio: the bare server answers ${ratio.toFixed(1)}× the ingress's /productpage rate at 10 connections (target ≤ 12×)`)
console.log(`CPU per /productpage in the cluster's process (all rounds through the ingress): median ${median(cpuPerPage).toFixed(0)} µs [${cpuPerPage.map((v) => v.toFixed(0)).join(', ')}]; less sensitive to a shared machine than req/s`)
console.log(`resident memory of this process: ${(rssBefore / 2 ** 20).toFixed(0)} MB before the cluster, ${(rssLoaded / 2 ** 20).toFixed(0)} MB at most under load (the cluster with bookinfo: ${((rssLoaded - rssBefore) / 2 ** 20).toFixed(0)} MB, all its threads; no child processes)`)
console.log(describeMachine().replace('machine:', 'after the run:'))
