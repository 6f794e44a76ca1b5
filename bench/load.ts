// The highest request rate the load driver sustains against a trivial server in another process,
// whether a fixed rate is honoured, and whether the load's latency stays the server's while the test's own thread
// is busy (the load runs in a thread of its own). Prints the machine; run with `npx tsx bench/load.ts`.
import { execa } from 'execa'
import os from 'node:os'
import { startLoad } from '../src/drivers/load/start-load.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const serverSource = `require('http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`

const server = execa(process.execPath, ['-e', serverSource], { buffer: false, reject: false })
const port = await new Promise<string>((resolve, reject) => {
  server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
  server.once('error', reject)
})
const url = `http://127.0.0.1:${port}`

const cpu = os.cpus()
console.log(`machine: ${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${os.loadavg()[0]!.toFixed(2)}`)
console.log(`server: node:http 'ok' in a child process; load: startLoad (its own thread), ${SECONDS} s per run`)
console.log(`"test thread busy": this thread computes 40 ms of every 50 ms meanwhile, as a test with the emulated cluster in it can\n`)
console.log('run                         | sent/s   | ok       | errors | p50 ms | p99 ms | max ms | driver CPU')

/** Keeps this thread computing `busyMs` of every `periodMs` until `stop()`. */
const keepBusy = (busyMs: number, periodMs: number) => {
  const timer = setInterval(() => {
    const until = performance.now() + busyMs
    while (performance.now() < until) { /* the test's own work */ }
  }, periodMs)
  return () => clearInterval(timer)
}

const run = async (label: string, options: { connections: number; overallRate?: number }, busy = false) => {
  const before = process.cpuUsage()
  const load = startLoad({ url, ...options, maxDurationMs: SECONDS * 1000, maxRequests: 10_000_000 })
  await load.started
  const stopBusy = busy ? keepBusy(40, 50) : () => undefined
  const report = await load.finished.finally(stopBusy)
  const used = process.cpuUsage(before)
  const cpuShare = (used.user + used.system) / 1000 / report.durationMs
  const { total } = report
  console.log(
    `${label.padEnd(27)} | ${String(Math.round((total.sent / report.durationMs) * 1000)).padEnd(8)} | ${String(total.ok).padEnd(8)} | ${String(total.errors + total.timeouts + total.non2xx).padEnd(6)} | ` +
      `${String(total.latencyMs.p50).padEnd(6)} | ${String(total.latencyMs.p99).padEnd(6)} | ${String(total.latencyMs.max).padEnd(6)} | ${Math.round(cpuShare * 100)} % of a core`,
  )
}

try {
  await run('10 connections, no rate', { connections: 10 })
  await run('100 connections, no rate', { connections: 100 })
  await run('10 connections, 1000 req/s', { connections: 10, overallRate: 1000 })
  await run('50 connections, 5000 req/s', { connections: 50, overallRate: 5000 })
  await run('10 connections, 200 req/s', { connections: 10, overallRate: 200 })
  await run('same, test thread busy', { connections: 10, overallRate: 200 }, true)
} finally {
  server.kill()
  await server
}
console.log(`\nload average after the runs (1/5/15 min): ${os.loadavg().map((value) => value.toFixed(2)).join(' / ')} (other processes share these cores)`)
