// Starts the whole emulated cluster in this process: store, topology, controllers, kubelet, mesh, API server.
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
import { createMesh } from './mesh/create-mesh.js'
import { PodNetwork } from './pod-network.js'
import { Store } from './store/store.js'
import { startApiTlsEndpoint } from './topology/api-tls-endpoint.js'
import { applyTopology, createWithDefaults } from './topology/apply-topology.js'
import { waitForReady } from './topology/wait-for-ready.js'
import { applyManifests, bookinfoPrograms, readBookinfoManifests } from './workloads/bookinfo/index.js'
import type { Program } from './workloads/program.js'

const READY_TIMEOUT_MS = 60_000

/**
 * Starts an emulated Kubernetes cluster on 127.0.0.1 (kind-like topology, bookinfo by default) and writes its kubeconfig.
 *
 * @example
 * await using cluster = await startEmulatedCluster({ bookinfo: false })
 * process.env.KUBECONFIG = cluster.kubeconfigPath
 */
export const startEmulatedCluster = async (options: EmulatedClusterOptions = {}): Promise<EmulatedCluster> => {
  const bookinfo = options.bookinfo ?? true
  const ownsStateDir = !options.stateDir
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'vitest-chaos-emulated-')))
  await mkdir(stateDir, { recursive: true })
  const token = randomBytes(24).toString('base64url')
  const store = new Store()
  const network = new PodNetwork()
  const events = createEventRecorder(store)
  const mesh = createMesh({ store, network })
  const programs = new Map<string, Program>([...(bookinfo ? bookinfoPrograms : []), ...(options.programs ?? [])])
  const stops: (() => unknown)[] = []
  const stop = async () => {
    for (const step of stops.reverse()) await step()
    stops.length = 0
  }
  stops.push(() => mesh.close())
  try {
    applyTopology(store)
    stops.push(startControllers(store, events))
    const kubelet = startKubelet({ store, network, events, programs, outboundFetch: (pod) => mesh.outboundFetch(pod) })
    stops.push(() => kubelet.stop())
    const api = await startApiServer({ store, token, podLogs: kubelet.logs, ...(options.port !== undefined ? { port: options.port } : {}) })
    stops.push(() => api.close())
    const tlsEndpoint = await startApiTlsEndpoint(api.url)
    stops.push(() => tlsEndpoint.close())
    let productPageUrl: string | undefined
    if (bookinfo) {
      const target = { get: store.get.bind(store), update: store.update.bind(store), create: (key: string, object: Parameters<Store['create']>[1]) => createWithDefaults(store, key, object) }
      for (const { path, text } of await readBookinfoManifests()) applyManifests(target, text, { source: path })
      const ingress = await mesh.startIngress({ port: options.ingressPort ?? 0 })
      stops.push(() => ingress.close())
      productPageUrl = ingress.url
    }
    const kubeconfig = kubeconfigFor(tlsEndpoint.url, token)
    const kubeconfigPath = join(stateDir, 'kubeconfig')
    await writeFile(kubeconfigPath, kubeconfig, { mode: 0o600 })
    const clusterJson = join(stateDir, 'cluster.json')
    await writeFile(clusterJson, `${JSON.stringify({ name: 'emulated', apiUrl: api.url, kubeconfigServer: tlsEndpoint.url, productPageUrl, pid: process.pid, kubeconfigPath, startedAt: new Date().toISOString() }, null, 2)}\n`)
    stops.push(() => (ownsStateDir ? rm(stateDir, { recursive: true, force: true }) : rm(clusterJson, { force: true })))
    if (options.waitForReady ?? true) await waitForReady(store, READY_TIMEOUT_MS)
    let stopping: Promise<void> | undefined
    const cluster: EmulatedCluster = {
      apiUrl: api.url,
      kubeconfig,
      kubeconfigPath,
      token,
      ...(productPageUrl ? { productPageUrl } : {}),
      stop: () => (stopping ??= stop()),
      [Symbol.asyncDispose]: () => cluster.stop(),
    }
    return cluster
  } catch (error) {
    await stop()
    throw error
  }
}
