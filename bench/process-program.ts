// A pod whose image is mapped to a command: time from the pod being bound (created with spec.nodeName) to Ready,
// for a process that listens at once, without and with an HTTP readiness probe. Target: Ready within 200 ms.
// `npx tsx bench/process-program.ts` (BENCH_ROUNDS to change the number of pods per case, default 10).
import { CoreV1Api, KubeConfig, Watch, type V1Pod } from '@kubernetes/client-node'
import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { startEmulatedCluster } from '../src/emulator/start-emulated-cluster.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10)
const TARGET_MS = 200
const LISTENER = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN
const isReady = (pod: V1Pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false

const cluster = await startEmulatedCluster({ bookinfo: false, processPrograms: { listener: { command: [process.execPath, '-e', LISTENER] } } })
const kc = new KubeConfig()
kc.loadFromString(cluster.kubeconfig)
const core = kc.makeApiClient(CoreV1Api)

/** Resolves with the time the named pod was first seen Ready, watching (no polling). */
const readyAt = (name: string) => {
  let abort: AbortController | undefined
  const seen = new Promise<number>((resolve, reject) => {
    void new Watch(kc)
      .watch('/api/v1/namespaces/default/pods', { fieldSelector: `metadata.name=${name}` }, (_type, pod: V1Pod) => {
        if (isReady(pod)) resolve(performance.now())
      }, (error: unknown) => error && reject(error as Error))
      .then((controller) => (abort = controller))
  })
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${name} not Ready after 30 s`)), 30_000).unref())
  return { at: Promise.race([seen, timeout]).finally(() => abort?.abort()), started: () => abort !== undefined }
}

const round = async (name: string, withProbe: boolean) => {
  const ready = readyAt(name)
  while (!ready.started()) await new Promise((resolve) => setImmediate(resolve))
  const container = { name: 'main', image: 'registry.example.com/listener:1', ports: [{ containerPort: 8080 }], ...(withProbe ? { readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 } } : {}) }
  const bound = performance.now()
  await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name }, spec: { nodeName: 'chaos-worker', containers: [container] } } })
  const elapsed = (await ready.at) - bound
  await core.deleteNamespacedPod({ name, namespace: 'default', gracePeriodSeconds: 0 })
  return elapsed
}

const measure = async (label: string, withProbe: boolean) => {
  const times: number[] = []
  for (let index = 0; index < ROUNDS; index += 1) times.push(await round(`${withProbe ? 'probed' : 'plain'}-${index}`, withProbe))
  const median = percentile(times, 0.5)
  console.log(`${label}: median ${median.toFixed(0)} ms, p90 ${percentile(times, 0.9).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (${ROUNDS} pods); target ${TARGET_MS} ms ${median <= TARGET_MS ? 'met' : 'MISSED'} (median)`)
}

/** The same command started by hand, until its port accepts a connection: the floor the kubelet adds to. */
const bareStart = async () => {
  const times: number[] = []
  for (let index = 0; index < ROUNDS; index += 1) {
    const port = 20_000 + Math.floor(Math.random() * 20_000)
    const started = performance.now()
    const child = spawn(process.execPath, ['-e', LISTENER], { env: { PORT: String(port) }, stdio: 'ignore' })
    while (!(await canConnect(port))) await new Promise((resolve) => setTimeout(resolve, 2))
    times.push(performance.now() - started)
    child.kill('SIGKILL')
  }
  console.log(`the bare process, spawn → listening: median ${percentile(times, 0.5).toFixed(0)} ms, p90 ${percentile(times, 0.9).toFixed(0)} ms (${ROUNDS} runs)`)
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

try {
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`)
  await bareStart()
  await measure('bound → Ready, process listening at once, no readiness probe', false)
  await measure('bound → Ready, process listening at once, HTTP readiness probe', true)
  console.log(`load average after: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`)
} finally {
  await cluster.stop()
}
