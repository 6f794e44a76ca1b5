// The contract between the kubelet and the programs that stand in for container images.
import type { IncomingHttpHeaders } from 'node:http'

/** A `fetch` whose requests leave the pod through its sidecar (the mesh), e.g. `fetch('http://reviews:9080/reviews/0')`. */
export type OutboundFetch = (url: string, init?: RequestInit) => Promise<Response>

export interface OutboundCallInit {
  /** Default `GET`. */
  method?: string
  /** Lower-case names. */
  headers?: Record<string, string>
  body?: Buffer
  /** Gives up as an HTTP client's timeout does: rejects with a `TimeoutError`, and the callee sees its client go away. */
  timeoutMs?: number
  /** Gives up when this aborts, with its reason. */
  signal?: AbortSignal
}

/**
 * The same way out as `fetch`, answered whole as an HTTP client parses it (no `Response`, no web streams): the cheap
 * path for programs in the cluster's thread. Fails as `fetch` does for an unknown host or a closed port.
 *
 * @example
 * const answer = await context.call('http://ratings:9080/ratings/0', { headers: { 'x-request-id': id }, timeoutMs: 2_500 })
 * if (answer.status === 200) JSON.parse(answer.body.toString('utf8'))
 */
export type OutboundCall = (url: string, init?: OutboundCallInit) => Promise<InThreadResponse>

export interface ProgramContext {
  podName: string
  namespace: string
  containerName: string
  image: string
  /** Container env plus `HOSTNAME` = pod name, as a container sees it. */
  env: Record<string, string>
  /** The container ports declared in the pod spec; the program binds each on 127.0.0.1 with port 0. */
  containerPorts: number[]
  /** One line of container output, returned by `pods/<name>/log`. */
  log: (line: string) => void
  /** Outbound calls to other Services, through the mesh. */
  fetch: OutboundFetch
  /** The same calls without `Response` objects, for programs that want no web streams. */
  call: OutboundCall
  /** The Services of the pod's namespace when the container starts, for the Kubernetes service env vars; default none. */
  services?: readonly ServiceLink[]
}

/** A Service as the kubelet's service env vars describe it (`<NAME>_SERVICE_HOST`, `<NAME>_PORT_<port>_TCP`, …). */
export interface ServiceLink {
  name: string
  namespace: string
  ports: readonly { name?: string; port: number; protocol: string }[]
}

export interface RunningProgram {
  /** containerPort → the loopback port actually bound. */
  ports: Record<number, number>
  /** SIGTERM: stop accepting connections, let in-flight requests finish or fail as they would. */
  stop(): Promise<void>
  /** Resolves if the program exits on its own (a crash); the kubelet restarts it in place. */
  exited?: Promise<{ exitCode: number }>
  /** SIGKILL, when `stop()` outlasts the grace period (programs that are processes). */
  kill?: () => void
  /** containerPort → the same server's handler, for callers in the cluster's thread (the mesh): no socket, no HTTP parse. */
  inThread?: Readonly<Record<number, InThreadHandler>>
}

/** A request as the program's HTTP server would have parsed it off the socket. */
export interface InThreadRequest {
  method: string
  /** Path and query, e.g. `/reviews/0?x=1`. */
  url: string
  /** Lower-case names, including `host` and `connection` as the HTTP client sends them. */
  headers: IncomingHttpHeaders
  body: Buffer
}

/** An answer as an HTTP client would have parsed it: lower-case names, string values, `set-cookie` always a list. */
export interface InThreadResponse {
  status: number
  headers: Record<string, string | string[]>
  body: Buffer
}

/** `'refused'`: the program no longer listens (stopped); `'reset'`: it dropped the connection before a whole answer. */
export type InThreadOutcome = InThreadResponse | 'refused' | 'reset'

/**
 * Serves one request in the calling thread, exactly as the program's loopback port would.
 *
 * @example
 * const outcome = await running.inThread?.[9080]?.({ method: 'GET', url: '/health', headers: { host: 'details:9080' }, body: Buffer.alloc(0) })
 */
export type InThreadHandler = (request: InThreadRequest) => Promise<InThreadOutcome>

/** Starts the stand-in for one container image. */
export type Program = (context: ProgramContext) => Promise<RunningProgram>

/** Image → program, matched on the image's repository name without registry and tag. */
export type ProgramRegistry = ReadonlyMap<string, Program>

/**
 * A container image that runs as a local process: the kubelet starts `command` once per container, in its own
 * process group, with the pod's environment. Plain data, so it survives structured clone.
 *
 * @example
 * const shop: ProcessProgram = { command: ['node', 'dist/server.js'], cwd: '/home/me/shop', env: { LOG_LEVEL: 'debug' } }
 */
export interface ProcessProgram {
  /** The program and its arguments; `command[0]` is looked up on `PATH` (no shell), e.g. `['node', 'server.js']`. */
  command: readonly string[]
  /** Working directory of the process; default: the directory the cluster was started from. */
  cwd?: string
  /** Variables the image would set (a Dockerfile's `ENV`); the pod spec's `env` overrides them. */
  env?: Readonly<Record<string, string>>
}

/** Image name (no registry, no tag) → the process that stands in for it, e.g. `{ shop: { command: ['node', 'shop.js'] } }`. */
export type ProcessPrograms = Readonly<Record<string, ProcessProgram>>

/** `registry.istio.io/release/examples-bookinfo-reviews-v3:1.20.3` → `examples-bookinfo-reviews-v3`. */
export const imageName = (image: string): string => {
  const withoutDigest = image.split('@')[0] ?? image
  const lastSegment = withoutDigest.split('/').pop() ?? withoutDigest
  return lastSegment.split(':')[0] ?? lastSegment
}
