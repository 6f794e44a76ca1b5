// Starts the whole emulated cluster in the calling thread: store, topology, controllers, kubelet, mesh, API server.
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApiServer } from './api-server/start-api-server.js'
import { startControllers } from './controllers/start-controllers.js'
import { createEventRecorder } from './controllers/record-event.js'
import type { EmulatedCluster, EmulatedClusterOptions } from './emulated-cluster.js'
import { startKubelet } from './kubelet/start-kubelet.js'
import { kubeconfigFor } from './kubeconfig.js'
import { createMesh, type Mesh } from './mesh/create-mesh.js'
import { PodNetwork } from './pod-network.js'
import type { KubeObject } from './store/kube-object.js'
import { Store } from './store/store.js'
import { startApiTlsEndpoint } from './topology/api-tls-endpoint.js'
import { createWithDefaults } from './registry/apply-defaults.js'
import { applyTopology } from './topology/apply-topology.js'
import { waitForReady } from './topology/wait-for-ready.js'
import { applyManifests, bookinfoPrograms, readBookinfoManifests } from './workloads/bookinfo/index.js'
import type { Program } from './workloads/program.js'

const READY_TIMEOUT_MS = 60_000

type StopStep = () => unknown

/** Runs the steps last-in first-out; every step runs even when an earlier one fails, the first failure is rethrown. */
const runStops = async (steps: StopStep[]): Promise<void> => {
  let failure: Error | undefined
  for (const step of steps.splice(0).reverse()) {
    try {
      await step()
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error))
    }
  }
  if (failure) throw failure
}

/** Applies the bookinfo and Istio manifests from fixtures/ (with admission defaults) and starts the ingress. */
const deployBookinfo = async (store: Store, mesh: Mesh, ingressPort: number | undefined, stops: StopStep[]): Promise<string> => {
  const target = { get: store.get.bind(store), update: store.update.bind(store), create: (key: string, object: KubeObject) => createWithDefaults(store, key, object) }
  for (const { path, text } of await readBookinfoManifests()) applyManifests(target, text, { source: path })
  const ingress = await mesh.startIngress({ port: ingressPort ?? 0 })
  stops.push(() => ingress.close())
  return ingress.url
}

/** `kubeconfig` (mode 600) and the token-free `cluster.json`. */
const writeState = async (stateDir: string, kubeconfig: string, facts: Record<string, unknown>) => {
  const kubeconfigPath = join(stateDir, 'kubeconfig')
  await writeFile(kubeconfigPath, kubeconfig, { mode: 0o600 })
  await writeFile(join(stateDir, 'cluster.json'), `${JSON.stringify({ name: 'emulated', ...facts, pid: process.pid, kubeconfigPath, startedAt: new Date().toISOString() }, null, 2)}\n`)
  return kubeconfigPath
}

/**
 * Starts an emulated Kubernetes cluster on 127.0.0.1 in the calling thread; `startEmulatedCluster` runs this in a
 * worker thread, or here when its options cannot cross to one.
 *
 * @example
 * await using cluster = await startClusterInProcess({ bookinfo: false })
 */
export const startClusterInProcess = async (options: EmulatedClusterOptions = {}): Promise<EmulatedCluster> => {
  const bookinfo = options.bookinfo ?? true
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'vitest-chaos-emulated-')))
  const stops: StopStep[] = [() => (options.stateDir ? rm(join(stateDir, 'cluster.json'), { force: true }) : rm(stateDir, { recursive: true, force: true }))]
  try {
    await mkdir(stateDir, { recursive: true })
    const token = randomBytes(24).toString('base64url')
    const store = new Store()
    const network = new PodNetwork()
    const events = createEventRecorder(store)
    const mesh = createMesh({ store, network })
    stops.push(() => mesh.close())
    applyTopology(store)
    stops.push(startControllers(store, events))
    const programs = new Map<string, Program>([...(bookinfo ? bookinfoPrograms : []), ...(options.programs ?? [])])
    const kubelet = startKubelet({
      store, network, events, programs, outboundCall: (pod) => mesh.outboundCall(pod),
      ...(options.processPrograms ? { processPrograms: options.processPrograms } : {}),
      ...(options.programDir ? { programDir: options.programDir } : {}),
    })
    stops.push(() => kubelet.stop())
    const api = await startApiServer({ store, token, podLogs: kubelet.logs, podPorts: (uid, port) => network.resolve(uid, port), ...(options.port !== undefined ? { port: options.port } : {}) })
    stops.push(() => api.close())
    const tlsEndpoint = await startApiTlsEndpoint(api)
    stops.push(() => tlsEndpoint.close())
    const productPageUrl = bookinfo ? await deployBookinfo(store, mesh, options.ingressPort, stops) : undefined
    const kubeconfig = kubeconfigFor(tlsEndpoint.url, token)
    const kubeconfigPath = await writeState(stateDir, kubeconfig, { apiUrl: api.url, kubeconfigServer: tlsEndpoint.url, productPageUrl })
    if (options.waitForReady ?? true) await waitForReady(store, READY_TIMEOUT_MS)
    let stopping: Promise<void> | undefined
    const cluster: EmulatedCluster = {
      apiUrl: api.url,
      kubeconfig,
      kubeconfigPath,
      token,
      ...(productPageUrl ? { productPageUrl } : {}),
      stop: () => (stopping ??= runStops(stops)),
      [Symbol.asyncDispose]: () => cluster.stop(),
    }
    return cluster
  } catch (error) {
    await runStops(stops).catch(() => undefined)
    throw error
  }
}
