// Requests/s of LIST against the emulated API server, measured by autocannon in a separate process, then watch figures.
// Run: npx tsx bench/api-server.ts
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { cpus } from 'node:os'
import { createRequire } from 'node:module'
import { startApiServer } from '../src/emulator/api-server/start-api-server.js'
import { Store } from '../src/emulator/store/store.js'
import { measureWatchConnects, measureWatchDelivery } from './lib/watch-throughput.js'

const TOKEN = 'bench-token'
const PODS = 50
const WATCHERS = 10
const WATCHED_PODS = 500
const WATCH_CONNECTS = 1000

const store = new Store()
store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })
const server = await startApiServer({ store, token: TOKEN })
for (let n = 0; n < PODS; n += 1) {
  await fetch(`${server.url}/api/v1/namespaces/default/pods`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ metadata: { name: `pod-${n}`, labels: { app: n % 2 ? 'web' : 'db' } }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] } }),
  })
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js')
const measure = async (label: string, path: string, extraHeaders: string[] = []) => {
  // Async on purpose: the server lives in this process and must keep answering while autocannon runs.
  const { stdout: output } = await promisify(execFile)(
    process.execPath,
    [autocannonBin, '--json', '-c', '10', '-d', '5', '-H', `Authorization=Bearer ${TOKEN}`, ...extraHeaders.flatMap((header) => ['-H', header]), `${server.url}${path}`],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  const result = JSON.parse(output) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number }
  console.log(`${label.padEnd(48)} ${Math.round(result.requests.average).toString().padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}`)
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}`)
console.log(`autocannon: 10 connections, 5 s each, ${PODS} pods in the store`)
await measure(`LIST pods (${PODS} items)`, '/api/v1/namespaces/default/pods')
await measure('LIST pods labelSelector=app=web (25 items)', '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb')
await measure('LIST pods as Table (kubectl get pods)', '/api/v1/namespaces/default/pods', ['Accept=application/json;as=Table;v=v1;g=meta.k8s.io'])
await measure('GET one pod', '/api/v1/namespaces/default/pods/pod-7')

const delivery = await measureWatchDelivery(server.url, TOKEN, WATCHERS, WATCHED_PODS)
console.log(`watch: ${WATCHERS} pod watchers, ${WATCHED_PODS} pods created + patched over HTTP one at a time (in-process fetch clients)`)
console.log(`${'WATCH events delivered (all watchers)'.padEnd(48)} ${Math.round(delivery.eventsPerSecond).toString().padStart(6)} events/s  ${delivery.delivered} events  writes ${Math.round(delivery.writesPerSecond)}/s`)
const connects = await measureWatchConnects(server.url, TOKEN, WATCHERS, WATCH_CONNECTS)
console.log(`${`WATCH connections established (${WATCHERS} at a time)`.padEnd(48)} ${Math.round(connects.connectsPerSecond).toString().padStart(6)} conn/s  ${WATCH_CONNECTS} watches, each to its 200 headers then closed`)
await server.close()
