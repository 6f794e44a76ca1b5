// One container: start its program, probe it, restart it in place after a crash (with back-off), stop it.
import { kubeNow } from '../store/kube-time.js'
import type { Container, Pod, Probe } from '../controllers/kube-types.js'
import { fetchOverCall } from '../workloads/fetch-over-call.js'
import type { InThreadHandler, OutboundCall, Program, RunningProgram, ServiceLink } from '../workloads/program.js'
import { ContainerConfigError } from './container-env.js'
import { newContainerId, type ContainerRecord, type TerminatedState } from './container-status.js'
import { probeContainerPort, runProbe } from './run-probe.js'

export interface ContainerRunnerOptions {
  pod: Pod
  container: Container
  program: Program
  call: OutboundCall
  /** The container's env (envFrom, env, `HOSTNAME`) and the namespace's Services, read at each (re)start. */
  environment: () => { env: Record<string, string>; services: ServiceLink[] }
  log: (line: string) => void
  rotateLogs: () => void
  event: (reason: string, message: string, type?: 'Normal' | 'Warning') => void
  /** The record changed: report the pod status. */
  onChange: () => void
}

const MAX_BACKOFF_S = 300
const KILLED = 137
const CONFIG_RETRY_MS = 2_000
/** What a container runtime reports when it cannot execute the command at all. */
const START_FAILED = 128

/** Ports a container listens on: declared container ports plus numeric probe ports. */
const listenPorts = (container: Container): number[] => {
  const ports = new Set((container.ports ?? []).filter((port) => (port.protocol ?? 'TCP') === 'TCP').map((port) => port.containerPort))
  for (const probe of [container.readinessProbe, container.livenessProbe]) {
    const target = probe?.httpGet ?? probe?.tcpSocket
    const port = target && probeContainerPort(container, target.port)
    if (port !== undefined) ports.add(port)
  }
  return [...ports]
}

export class ContainerRunner {
  readonly record: ContainerRecord
  ports: Record<number, number> = {}
  /** containerPort → the program's handler when it runs in this thread (bookinfo's); empty once it stops. */
  inThread: Readonly<Record<number, InThreadHandler>> = {}
  #options: ContainerRunnerOptions
  #running: RunningProgram | undefined
  #timers = new Set<NodeJS.Timeout>()
  #stopping = false
  #readiness = { successes: 0, failures: 0 }
  #liveFailures = 0

  constructor(options: ContainerRunnerOptions) {
    this.#options = options
    const { container } = options
    this.record = { name: container.name, image: container.image, containerID: newContainerId(), restartCount: 0, ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} }
  }

  start(): void {
    void this.#launch()
  }

  /** SIGTERM, then give up waiting after `graceMs` (reported as exit code 137, as after SIGKILL). */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true
    this.#clearTimers()
    const running = this.#running
    this.#running = undefined
    const startedAt = 'running' in this.record.state ? this.record.state.running.startedAt : undefined
    if (!running) {
      if (!('terminated' in this.record.state)) this.#terminate({ exitCode: 0, reason: 'Completed', startedAt })
      return
    }
    this.#options.event('Killing', `Stopping container ${this.record.name}`)
    const inTime = await stopWithin(running, graceMs)
    this.#terminate(inTime ? { exitCode: 0, reason: 'Completed', startedAt } : { exitCode: KILLED, reason: 'Error', startedAt })
  }

  async #launch(): Promise<void> {
    const { pod, container, program } = this.#options
    const first = this.record.restartCount === 0
    let running: RunningProgram
    try {
      running = await program({
        podName: pod.metadata.name ?? '',
        namespace: pod.metadata.namespace ?? '',
        containerName: container.name,
        image: container.image,
        ...this.#options.environment(),
        containerPorts: listenPorts(container),
        log: this.#options.log,
        call: this.#options.call,
        fetch: fetchOverCall(this.#options.call),
      })
    } catch (error) {
      return this.#failedToStart(error as Error)
    }
    if (this.#stopping) return void running.stop().catch(() => undefined)
    this.#running = running
    this.ports = running.ports
    this.inThread = running.inThread ?? {}
    const startedAt = kubeNow()
    if (first) this.#options.event('Pulled', `Container image "${container.image}" already present on machine`)
    this.#options.event('Created', `Created container: ${container.name}`)
    this.#options.event('Started', `Started container ${container.name}`)
    const exitedAtOnce = running.exited && (await Promise.race([running.exited, Promise.resolve(undefined)]))
    if (exitedAtOnce) return this.#crashed(exitedAtOnce.exitCode, startedAt)
    Object.assign(this.record, { state: { running: { startedAt } }, started: true, ready: !container.readinessProbe })
    running.exited?.then(({ exitCode }) => {
      if (this.#running === running && !this.#stopping) this.#crashed(exitCode, startedAt)
    }, () => undefined)
    if (container.readinessProbe) this.#schedule(container.readinessProbe, (ok) => this.#onReadiness(ok, container.readinessProbe!))
    if (container.livenessProbe) this.#schedule(container.livenessProbe, (ok) => this.#onLiveness(ok, container.livenessProbe!, startedAt))
    this.#options.onChange()
  }

  #terminate(fields: Omit<TerminatedState, 'finishedAt' | 'containerID'>): void {
    this.ports = {}
    this.inThread = {}
    const terminated: TerminatedState = { ...fields, finishedAt: kubeNow(), containerID: this.record.containerID }
    if (terminated.startedAt === undefined) delete terminated.startedAt
    Object.assign(this.record, { state: { terminated }, ready: false, started: false })
    this.#options.onChange()
  }

  /** A missing ConfigMap or Secret waits and retries; a command that cannot run is a `StartError` (exit code 128), restarted with back-off. */
  #failedToStart(error: Error): void {
    if (this.#stopping) return
    this.#options.event('Failed', `Error: ${error.message}`, 'Warning')
    if (error instanceof ContainerConfigError) {
      Object.assign(this.record, { state: { waiting: { reason: 'CreateContainerConfigError', message: error.message } } })
      this.#options.onChange()
      return this.#later(CONFIG_RETRY_MS, () => void this.#launch())
    }
    this.#options.log(error.message)
    const now = kubeNow()
    this.#crashed(START_FAILED, now, { reason: 'StartError', message: error.message })
  }

  #crashed(exitCode: number, startedAt: string, cause: { reason: string; message: string } | undefined = undefined): void {
    this.#running = undefined
    this.#clearTimers()
    this.#terminate({ exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', ...cause, startedAt })
    const policy = this.#options.pod.spec.restartPolicy ?? 'Always'
    if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) return
    const delayS = this.record.restartCount === 0 ? 0 : Math.min(MAX_BACKOFF_S, 10 * 2 ** (this.record.restartCount - 1))
    const { pod } = this.#options
    if (delayS > 0) {
      const terminated = 'terminated' in this.record.state ? this.record.state.terminated : undefined
      const message = `back-off ${delayS}s restarting failed container=${this.record.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`
      Object.assign(this.record, { state: { waiting: { reason: 'CrashLoopBackOff', message } }, lastState: terminated ? { terminated } : {} })
      this.#options.event('BackOff', `Back-off restarting failed container ${this.record.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, 'Warning')
      this.#options.onChange()
    }
    this.#later(delayS * 1000, () => this.#restart())
  }

  #restart(): void {
    if (this.#stopping) return
    const terminated = 'terminated' in this.record.state ? this.record.state.terminated : this.record.lastState.terminated
    this.#options.rotateLogs()
    Object.assign(this.record, { restartCount: this.record.restartCount + 1, containerID: newContainerId(), lastState: terminated ? { terminated } : {} })
    this.#readiness = { successes: 0, failures: 0 }
    this.#liveFailures = 0
    void this.#launch()
  }

  #onReadiness(ok: boolean, probe: Probe): void {
    if (ok) {
      this.#readiness = { successes: this.#readiness.successes + 1, failures: 0 }
      if (!this.record.ready && this.#readiness.successes >= (probe.successThreshold ?? 1)) this.#setReady(true)
    } else {
      this.#readiness = { successes: 0, failures: this.#readiness.failures + 1 }
      if (this.#readiness.failures === 1) this.#options.event('Unhealthy', `Readiness probe failed: ${describeProbe(probe)}`, 'Warning')
      if (this.record.ready && this.#readiness.failures >= (probe.failureThreshold ?? 3)) this.#setReady(false)
    }
  }

  #onLiveness(ok: boolean, probe: Probe, startedAt: string): void {
    this.#liveFailures = ok ? 0 : this.#liveFailures + 1
    if (this.#liveFailures < (probe.failureThreshold ?? 3) || !this.#running) return
    this.#options.event('Unhealthy', `Liveness probe failed: ${describeProbe(probe)}`, 'Warning')
    this.#options.event('Killing', `Container ${this.record.name} failed liveness probe, will be restarted`)
    const running = this.#running
    this.#running = undefined
    const graceMs = (this.#options.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000
    void stopWithin(running, graceMs).then(() => !this.#stopping && this.#crashed(KILLED, startedAt))
  }

  #setReady(ready: boolean): void {
    this.record.ready = ready
    this.#options.onChange()
  }

  #schedule(probe: Probe, onResult: (ok: boolean) => void): void {
    const running = this.#running
    const tick = () => {
      if (this.#running !== running || this.#stopping) return
      void runProbe(probe, this.#options.container, (port) => this.ports[port]).then((ok) => {
        if (this.#running !== running || this.#stopping) return
        onResult(ok)
        this.#later((probe.periodSeconds ?? 10) * 1000, tick)
      })
    }
    this.#later((probe.initialDelaySeconds ?? 0) * 1000, tick)
  }

  #later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      action()
    }, ms)
    this.#timers.add(timer)
  }

  #clearTimers(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
  }
}

/** SIGTERM, then SIGKILL when `graceMs` runs out; true when the program stopped in time. */
const stopWithin = async (running: RunningProgram, graceMs: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined
  const stopped = running.stop().then(() => true, () => true)
  const inTime = await Promise.race([stopped, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, graceMs))))])
  clearTimeout(timer)
  if (!inTime && running.kill) {
    running.kill()
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 1_000).unref())])
  }
  return inTime
}

const describeProbe = (probe: Probe): string =>
  probe.httpGet ? `HTTP probe failed on path ${probe.httpGet.path ?? '/'} port ${probe.httpGet.port}` : `dial tcp port ${probe.tcpSocket?.port}: connection refused`
