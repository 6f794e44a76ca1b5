// A program that is a real process: the pod's environment, its ports, its outbound calls through the sidecar.
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { ProcessProgram, Program, ProgramContext } from '../workloads/program.js'
import type { ProcessGuard } from './process-guard.js'
import { tcpOpen } from './run-probe.js'
import { serviceEnvOf } from './service-env.js'
import { servicePortKey, startSidecarPorts, type SidecarPorts } from './sidecar-ports.js'
import { spawnContainerProcess } from './spawn-container-process.js'

/** How long the container may take to listen before it counts as started anyway (its probes then decide). */
const LISTEN_WAIT_MS = 5_000
const LISTEN_POLL_MS = 5

/** Host variables a process needs to find its tools; nothing else of the host's environment leaks into a container. */
const HOST_VARIABLES = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT']

const freeLoopbackPort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => done(port))
    })
  })

const hostEnv = (): Record<string, string> =>
  Object.fromEntries(HOST_VARIABLES.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])))

/** Everything the process sees, lowest precedence first: host basics, the image's env, Service links, the pod spec's env, then the kubelet's own. */
const processEnvOf = (spec: ProcessProgram, context: ProgramContext, ports: Record<number, number>, sidecar: SidecarPorts): Record<string, string> => {
  const proxy = `http://127.0.0.1:${sidecar.proxyPort}`
  const portEnv = Object.fromEntries(Object.entries(ports).map(([containerPort, port]) => [`PORT_${containerPort}`, String(port)]))
  const first = context.containerPorts[0]
  return {
    ...hostEnv(),
    ...spec.env,
    ...serviceEnvOf(context.services ?? [], (service, port) => sidecar.servicePorts.get(servicePortKey(service, port))),
    ...context.env,
    ...portEnv,
    ...(first !== undefined ? { PORT: String(ports[first]) } : {}),
    HTTP_PROXY: proxy,
    http_proxy: proxy,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  }
}

/** Resolves when `port` accepts connections, the process exits, or {@link LISTEN_WAIT_MS} passes. */
const waitUntilListening = async (port: number | undefined, exited: Promise<unknown>): Promise<void> => {
  let gone = false
  void exited.then(() => (gone = true))
  const deadline = Date.now() + LISTEN_WAIT_MS
  while (port !== undefined && !gone && Date.now() < deadline && !(await tcpOpen(port, 100))) {
    await new Promise((done) => setTimeout(done, LISTEN_POLL_MS))
  }
}

/**
 * The program for an image mapped to a command. Ports are chosen on 127.0.0.1 and handed over as `PORT` and
 * `PORT_<containerPort>`; the container counts as started once it listens on `PORT` (or exits, or after 5 s).
 *
 * @example
 * const program = createProcessProgram({ command: ['node', 'server.js'] }, new ProcessGuard(), process.cwd())
 */
export const createProcessProgram = (spec: ProcessProgram, guard: ProcessGuard, baseDir: string): Program =>
  async function runProcess(context) {
    const ports: Record<number, number> = {}
    for (const containerPort of context.containerPorts) ports[containerPort] = await freeLoopbackPort()
    const sidecar = await startSidecarPorts(context.call, context.services ?? [])
    let running
    try {
      running = await spawnContainerProcess({ command: spec.command, cwd: resolve(baseDir, spec.cwd ?? '.'), env: processEnvOf(spec, context, ports, sidecar), log: context.log, guard })
    } catch (error) {
      await sidecar.close()
      throw error
    }
    const exited = running.exited.then(async (result) => {
      await sidecar.close()
      return result
    })
    const first = context.containerPorts[0]
    await waitUntilListening(first === undefined ? undefined : ports[first], exited)
    // a process that already died is reported with its exit settled, so it never counts as ready
    if (await Promise.race([running.exited.then(() => true), Promise.resolve(false)])) await exited
    return {
      ports,
      exited,
      stop: async () => {
        running.signal('SIGTERM')
        await exited
      },
      kill: () => running.signal('SIGKILL'),
    }
  }
