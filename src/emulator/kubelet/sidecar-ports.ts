// The loopback ports a process reaches the mesh through: an HTTP proxy, and one port per Service port of its namespace.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { withoutHopByHop } from '../mesh/without-hop-by-hop.js'
import type { OutboundCall, ServiceLink } from '../workloads/program.js'
import { readRequestBody } from '../mesh/read-request-body.js'

export interface SidecarPorts {
  /** `HTTP_PROXY` target: takes `GET http://details:9080/details/0` (or a plain request with `Host: details:9080`). */
  proxyPort: number
  /** `<namespace>/<service>:<port>` → the loopback port that forwards to that Service port. */
  servicePorts: ReadonlyMap<string, number>
  close(): Promise<void>
}

export const servicePortKey = (service: ServiceLink, port: number): string => `${service.namespace}/${service.name}:${port}`

const requestHeaders = (incoming: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(withoutHopByHop(incoming.headers))) {
    if (name === 'host' || name.startsWith('proxy-') || value === undefined) continue
    headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** What a proxy answers when the mesh could not be reached at all (unknown host, closed port). */
const failureStatus = (error: unknown): number => ((error as { cause?: { code?: string } }).cause?.code === 'ENOTFOUND' ? 502 : 503)

const forward = async (call: OutboundCall, target: string, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
  const abort = new AbortController()
  outgoing.on('close', () => outgoing.writableFinished || abort.abort(new Error('the client went away')))
  try {
    const body = await readRequestBody(incoming)
    const method = incoming.method ?? 'GET'
    const answer = await call(target, { method, headers: requestHeaders(incoming), signal: abort.signal, ...(body.length && method !== 'GET' && method !== 'HEAD' ? { body } : {}) })
    outgoing.writeHead(answer.status, { ...withoutHopByHop(answer.headers), 'content-length': String(answer.body.length) })
    outgoing.end(answer.body)
  } catch (error) {
    if (abort.signal.aborted) return void outgoing.destroy()
    const text = `upstream connect error: ${(error as { cause?: Error }).cause?.message ?? (error as Error).message}\n`
    if (!outgoing.headersSent) outgoing.writeHead(failureStatus(error), { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(text)) })
    outgoing.end(text)
  }
}

const forwardThrough = (call: OutboundCall, targetOf: (incoming: IncomingMessage) => string) =>
  function forwardToMesh(incoming: IncomingMessage, outgoing: ServerResponse): void {
    void forward(call, targetOf(incoming), incoming, outgoing)
  }

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  return (server.address() as AddressInfo).port
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })

/** Starts one pod's outbound ports; every request goes through `call`, the pod's sidecar. */
export const startSidecarPorts = async (call: OutboundCall, services: readonly ServiceLink[]): Promise<SidecarPorts> => {
  const proxy = createServer(forwardThrough(call, (incoming) => {
    const target = incoming.url ?? '/'
    return /^https?:\/\//i.test(target) ? target : `http://${incoming.headers.host ?? 'localhost'}${target}`
  }))
  const servers: Server[] = [proxy]
  const servicePorts = new Map<string, number>()
  try {
    const proxyPort = await listen(proxy)
    for (const service of services) {
      for (const { port } of service.ports) {
        const server = createServer(forwardThrough(call, (incoming) => `http://${service.name}.${service.namespace}:${port}${incoming.url ?? '/'}`))
        servers.push(server)
        servicePorts.set(servicePortKey(service, port), await listen(server))
      }
    }
    return { proxyPort, servicePorts, close: () => Promise.all(servers.map(close)).then(() => undefined) }
  } catch (error) {
    await Promise.all(servers.filter((server) => server.listening).map(close))
    throw error
  }
}
