// The kubelet of every emulated node: one PodWorker per bound pod, pod logs, node heartbeats.
import type { PodLogReader } from '../registry/pod-log-reader.js'
import { finalizePodDeletion } from '../registry/kinds/pod-deletion.js'
import type { Pod } from '../controllers/kube-types.js'
import type { EventRecorder } from '../controllers/record-event.js'
import { isPodFinished } from '../controllers/pod-state.js'
import type { PodNetwork } from '../pod-network.js'
import type { Store } from '../store/store.js'
import { defaultWebServer } from '../workloads/default-web-server.js'
import { callOverFetch } from '../workloads/call-over-fetch.js'
import { imageName, type OutboundCall, type ProcessPrograms, type Program, type ProgramRegistry } from '../workloads/program.js'
import { ContainerLogs } from './container-logs.js'
import { startNodeHeartbeat } from './node-heartbeat.js'
import { internalIpOf, PodAddresses } from './pod-addresses.js'
import { PodWorker, type PodWorkerDeps } from './pod-worker.js'
import { ProcessGuard } from './process-guard.js'
import { createProcessProgram } from './process-program.js'

export interface KubeletOptions {
  store: Store
  network: PodNetwork
  events: EventRecorder
  /** Image → program; images not listed run the default web server. */
  programs?: ProgramRegistry
  /** Image → command: these images run as local processes (they win over `programs`). */
  processPrograms?: ProcessPrograms
  /** Directory a process program's relative `cwd` is resolved against; default `process.cwd()`. */
  programDir?: string
  /** The pod's way out to other Services (the mesh); default: plain `fetch`. */
  outboundCall?: (pod: Pod) => OutboundCall
}

export interface Kubelet {
  /** Container logs for the API server's `pods/<name>/log`. */
  logs: PodLogReader
  stop(): Promise<void>
}

const keyOf = (namespace: string | undefined, name: string | undefined) => `${namespace ?? ''}/${name ?? ''}`

type WorkerEntry = { worker: PodWorker; podIP: string; hostNetwork: boolean }

/** Programs by image (process programs first), the pods' way out, and the guard that ends process programs. */
const resolvePrograms = (options: KubeletOptions) => {
  const guard = new ProcessGuard()
  const processPrograms = new Map<string, Program>(
    Object.entries(options.processPrograms ?? {}).map(([image, spec]) => [image, createProcessProgram(spec, guard, options.programDir ?? process.cwd())]),
  )
  const programFor = (image: string) => processPrograms.get(imageName(image)) ?? options.programs?.get(imageName(image)) ?? defaultWebServer
  const outboundCall = options.outboundCall ?? (() => callOverFetch(fetch))
  return { guard, programFor, outboundCall }
}

/** What the per-pod sync works with: the running workers, their addresses, and how to start one. */
interface PodSync {
  store: Store
  workers: Map<string, WorkerEntry>
  addresses: PodAddresses
  deps: PodWorkerDeps
  track: (promise: Promise<void>) => void
}

const releaseWorker = ({ workers, addresses }: PodSync, key: string) => {
  const entry = workers.get(key)
  if (!entry) return
  workers.delete(key)
  if (!entry.hostNetwork) addresses.release(entry.podIP)
}

/** Brings one pod's worker in line with the store: replaced pods are killed, terminating ones stopped, new bound ones started. */
const syncPod = (sync: PodSync, key: string) => {
  const { store, workers, addresses, track } = sync
  const [namespace, name] = key.split('/') as [string, string]
  const pod = store.get('pods', namespace, name) as Pod | undefined
  const entry = workers.get(key)
  if (entry && pod?.metadata.uid !== entry.worker.uid) {
    releaseWorker(sync, key)
    if (!entry.worker.terminating) track(entry.worker.kill())
  }
  if (!pod?.spec.nodeName) return
  const node = store.get('nodes', undefined, pod.spec.nodeName)
  if (!node) return
  const current = workers.get(key)
  if (pod.metadata.deletionTimestamp) {
    if (current && !current.worker.terminating) {
      track(current.worker.terminate(pod.metadata.deletionGracePeriodSeconds ?? 30).finally(() => releaseWorker(sync, key)))
    } else if (!current) {
      finalizePodDeletion(store, namespace, name, pod.metadata.uid)
    }
    return
  }
  if (current || isPodFinished(pod)) return
  const hostIP = internalIpOf(node)
  const hostNetwork = pod.spec.hostNetwork === true
  const podIP = hostNetwork ? hostIP : addresses.allocate(node)
  const worker = new PodWorker(pod, sync.deps, { hostIP, podIP })
  workers.set(key, { worker, podIP, hostNetwork })
  worker.start()
}

/**
 * Watches pods bound to known nodes and runs them; pods that get a deletionTimestamp are stopped and removed.
 *
 * @example
 * const kubelet = startKubelet({ store, network, events: createEventRecorder(store) })
 * await kubelet.stop()
 */
export const startKubelet = (options: KubeletOptions): Kubelet => {
  const { store, network, events } = options
  const logs = new ContainerLogs()
  const workers = new Map<string, WorkerEntry>()
  const dirty = new Set<string>()
  const pending = new Set<Promise<void>>()
  let immediate: NodeJS.Immediate | undefined
  let stopped = false

  const track = (promise: Promise<void>) => {
    pending.add(promise)
    void promise.catch((error: unknown) => console.error('[emulator] kubelet:', error)).finally(() => pending.delete(promise))
  }
  const { guard, programFor, outboundCall } = resolvePrograms(options)
  const sync: PodSync = { store, workers, addresses: new PodAddresses(), deps: { store, network, logs, events, programFor, outboundCall }, track }

  const drain = () => {
    immediate = undefined
    const keys = [...dirty]
    dirty.clear()
    for (const key of keys) syncPod(sync, key)
  }

  const unwatch = store.watch('pods', {}, (event) => {
    if (stopped) return
    dirty.add(keyOf(event.object.metadata.namespace, event.object.metadata.name))
    immediate ??= setImmediate(drain)
  })
  for (const pod of store.list('pods')) dirty.add(keyOf(pod.metadata.namespace, pod.metadata.name))
  immediate = setImmediate(drain)
  const stopHeartbeat = startNodeHeartbeat(store)

  return {
    logs: (namespace, pod, container, logOptions) => {
      const entry = workers.get(keyOf(namespace, pod))
      const name = container ?? (store.get('pods', namespace, pod) as Pod | undefined)?.spec.containers[0]?.name
      return entry && name ? logs.read(namespace, pod, name, logOptions) : undefined
    },
    async stop() {
      stopped = true
      unwatch()
      stopHeartbeat()
      if (immediate) clearImmediate(immediate)
      const all = [...workers.values()].map(({ worker }) => worker.kill())
      workers.clear()
      await Promise.allSettled([...all, ...pending])
      guard.close()
    },
  }
}
