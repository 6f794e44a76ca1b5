// The public start: the emulated cluster runs in its own worker thread, so its CPU (API server, controllers,
// kubelet, programs, mesh) never shares the caller's event loop; the handle talks to it by messages.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ClusterFacts, ThreadReport } from './cluster-thread-messages.js'
import type { EmulatedCluster, EmulatedClusterOptions } from './emulated-cluster.js'
import { startClusterInProcess } from './start-cluster-in-process.js'

const EXIT_GRACE_MS = 5_000

/** Options cross to the thread by structured clone; functions (an in-process `Program`, a hook) cannot. */
const canCrossThreads = (options: EmulatedClusterOptions): boolean => {
  try {
    structuredClone(options)
    return true
  } catch {
    return false
  }
}

// From dist/ the thread loads plain .js. From the TypeScript sources (this repository's tests and benches) it first
// registers tsx's loader inside the thread: on Node 20 a worker's entry module ignores loaders given by execArgv.
const createThread = (options: EmulatedClusterOptions): Worker => {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./cluster-thread.js', import.meta.url), { workerData: options })
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs')
  const entry = new URL('./cluster-thread.ts', import.meta.url).href
  const boot = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(boot, { eval: true, workerData: options })
}

const asError = (error: unknown, what: string): Error =>
  error instanceof Error ? error : new Error(`${what}: ${String(error)}`)

/** The thread's next report; a crash or an exit before it rejects. */
const nextReport = (worker: Worker): Promise<ThreadReport> =>
  new Promise((resolve, reject) => {
    const onMessage = (message: ThreadReport) => settle(() => resolve(message))
    const onError = (error: Error) => settle(() => reject(error))
    const onExit = (code: number) => settle(() => reject(new Error(`the emulated cluster's thread ended (exit code ${code}) before it answered`)))
    function settle(done: () => void) {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      done()
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
  })

const startClusterThread = async (options: EmulatedClusterOptions): Promise<EmulatedCluster> => {
  const worker = createThread(options)
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const first = await nextReport(worker)
  if (first.type !== 'started') {
    await exited
    throw asError(first.type === 'failed' ? first.error : `unexpected '${first.type}'`, 'the emulated cluster did not start')
  }
  // After the start, a crash of the thread would otherwise surface as an uncaught error with no context.
  worker.on('error', (error) => process.stderr.write(`vitest-chaos: the emulated cluster's thread crashed: ${error.stack ?? error.message}\n`))
  const facts: ClusterFacts = first.facts
  let stopping: Promise<void> | undefined
  const stop = async () => {
    const answer = nextReport(worker).catch(() => ({ type: 'stopped' }) as const)
    worker.postMessage({ type: 'stop' })
    const report = await answer
    const grace = setTimeout(() => void worker.terminate(), EXIT_GRACE_MS)
    await exited
    clearTimeout(grace)
    if (report.type === 'stop-failed') throw asError(report.error, 'the emulated cluster did not stop cleanly')
  }
  const cluster: EmulatedCluster = {
    ...facts,
    stop: () => (stopping ??= stop()),
    [Symbol.asyncDispose]: () => cluster.stop(),
  }
  return cluster
}

/**
 * Starts an emulated Kubernetes cluster on 127.0.0.1 (kind-like topology, bookinfo by default) in its own worker
 * thread and writes its kubeconfig. Options that cannot be structured-cloned (in-process `Program` functions) keep
 * the cluster in the calling thread instead; the handle is the same either way.
 *
 * @example
 * await using cluster = await startEmulatedCluster({ bookinfo: false })
 * process.env.KUBECONFIG = cluster.kubeconfigPath
 */
export const startEmulatedCluster = (options: EmulatedClusterOptions = {}): Promise<EmulatedCluster> =>
  canCrossThreads(options) ? startClusterThread(options) : startClusterInProcess(options)
