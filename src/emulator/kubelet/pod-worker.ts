// Runs one pod: starts each container's program, probes it, restarts it on a crash, stops it on deletion.
import { finalizePodDeletion } from '../registry/kinds/pod-deletion.js'
import { kubeNow } from '../store/kube-time.js'
import type { Pod } from '../controllers/kube-types.js'
import type { EventRecorder } from '../controllers/record-event.js'
import type { PodNetwork } from '../pod-network.js'
import type { Store } from '../store/store.js'
import type { OutboundCall, Program } from '../workloads/program.js'
import { containerEnvOf, serviceLinksOf } from './container-env.js'
import { ContainerRunner } from './container-runner.js'
import type { ContainerLogs } from './container-logs.js'
import { podStatusOf } from './pod-status.js'

export interface PodWorkerDeps {
  store: Store
  network: PodNetwork
  logs: ContainerLogs
  events: EventRecorder
  programFor: (image: string) => Program
  outboundCall: (pod: Pod) => OutboundCall
}

export class PodWorker {
  readonly uid: string
  #pod: Pod
  #deps: PodWorkerDeps
  #runners: ContainerRunner[]
  #facts: { hostIP: string; podIP: string; startTime: string }
  #stopped = false
  #closing: Promise<void> | undefined

  constructor(pod: Pod, deps: PodWorkerDeps, addresses: { hostIP: string; podIP: string }) {
    this.#pod = pod
    this.#deps = deps
    this.uid = pod.metadata.uid ?? ''
    this.#facts = { ...addresses, startTime: kubeNow() }
    const source = { component: 'kubelet', host: pod.spec.nodeName ?? '' }
    this.#runners = pod.spec.containers.map(
      (container) =>
        new ContainerRunner({
          pod,
          container,
          program: deps.programFor(container.image),
          call: deps.outboundCall(pod),
          environment: () => ({ env: { ...containerEnvOf(deps.store, this.#current() ?? pod, container), HOSTNAME: pod.metadata.name ?? '' }, services: serviceLinksOf(deps.store, pod) }),
          log: (line) => deps.logs.append(pod.metadata.namespace ?? '', pod.metadata.name ?? '', container.name, line),
          rotateLogs: () => deps.logs.rotate(pod.metadata.namespace ?? '', pod.metadata.name ?? '', container.name),
          event: (reason, message, type) => deps.events.record({ involved: this.#current() ?? pod, reason, message, source, type }),
          onChange: () => this.#sync(),
        }),
    )
  }

  get terminating(): boolean {
    return this.#closing !== undefined
  }

  start(): void {
    this.#sync()
    for (const runner of this.#runners) runner.start()
  }

  /** Graceful deletion: stop every container within the grace period, report them terminated, then remove the pod. */
  terminate(graceSeconds: number): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.all(this.#runners.map((runner) => runner.stop(graceSeconds * 1000)))
      this.#stopped = true
      this.#deps.network.unregister(this.uid)
      this.#sync()
      finalizePodDeletion(this.#deps.store, this.#pod.metadata.namespace ?? '', this.#pod.metadata.name ?? '', this.uid)
    })()
    return this.#closing
  }

  /** The pod left the store (forced deletion or cluster stop): stop its programs without reporting. */
  async kill(): Promise<void> {
    this.#stopped = true
    await Promise.all(this.#runners.map((runner) => runner.stop(1_000)))
    this.#deps.network.unregister(this.uid)
    this.#deps.logs.forget(this.#pod.metadata.namespace ?? '', this.#pod.metadata.name ?? '')
  }

  #current(): Pod | undefined {
    const current = this.#deps.store.get('pods', this.#pod.metadata.namespace, this.#pod.metadata.name ?? '') as Pod | undefined
    return current?.metadata.uid === this.uid ? current : undefined
  }

  #sync(): void {
    this.#deps.network.unregister(this.uid)
    for (const runner of this.#runners) {
      for (const [containerPort, hostPort] of Object.entries(runner.ports)) {
        this.#deps.network.register(this.uid, Number(containerPort), hostPort, runner.inThread[Number(containerPort)])
      }
    }
    const current = this.#current()
    if (!current) return
    const status = podStatusOf(current, { ...this.#facts, containers: this.#runners.map((runner) => runner.record), stopped: this.#stopped })
    this.#deps.store.update('pods', { ...current, status })
  }
}
