// Upgrade requests on pods: portforward (SPDY/3.1 tunnelled over WebSocket, or plain SPDY/3.1) and exec/attach.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Store } from '../../store/store.js'
import { findResource } from '../../registry/resource-table.js'
import { failure, notFound, type StatusBody } from '../../registry/status.js'
import { forwardPodPorts, type PodPortResolver } from './forward-pod-ports.js'
import { SpdySession, type ByteTransport } from './spdy-session.js'
import { answerExec, EXEC_PROTOCOLS } from './answer-exec.js'

const PODS = findResource('', 'v1', 'pods')!
const UPGRADE_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(portforward|exec|attach)$/
const TUNNEL_PROTOCOL = 'SPDY/3.1+portforward.k8s.io'
const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io'

export interface UpgradeContext {
  store: Store
  token: string
  podPorts?: PodPortResolver
  /** Open upgraded connections, closed on server close(). */
  connections: Set<() => void>
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }

const refuse = (socket: Duplex, status: StatusBody): void => {
  const body = JSON.stringify(status)
  socket.end(`HTTP/1.1 ${status.code} ${STATUS_TEXT[status.code ?? 500] ?? 'Error'}\r\nCache-Control: no-cache, private\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
}

const socketTransport = (socket: Duplex): ByteTransport => ({
  write: (bytes) => void socket.write(bytes),
  close: () => socket.destroy(),
  onData: (listener) => void socket.on('data', listener),
  onClose: (listener) => void socket.once('close', listener),
})

const webSocketTransport = (ws: WebSocket): ByteTransport => ({
  write: (bytes) => ws.send(bytes, { binary: true }),
  close: () => ws.terminate(),
  onData: (listener) => void ws.on('message', (data: Buffer) => listener(data)),
  onClose: (listener) => void ws.once('close', listener),
})

const offeredProtocols = (request: IncomingMessage): string[] =>
  (request.headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim()).filter(Boolean)

/**
 * Serves one HTTP upgrade. Port-forward speaks what kubectl 1.32 tries first (SPDY over a WebSocket, subprotocol
 * `SPDY/3.1+portforward.k8s.io`) and its fallback (`Upgrade: SPDY/3.1`); exec/attach answer as a real API server
 * does when the kubelet cannot be reached.
 */
export const handleUpgrade = (context: UpgradeContext, webSockets: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer): void => {
  socket.on('error', () => socket.destroy())
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')
  if (request.headers.authorization !== `Bearer ${context.token}`) return refuse(socket, failure(401, 'Unauthorized', 'Unauthorized'))
  const match = UPGRADE_PATH.exec(url.pathname)
  if (!match) return refuse(socket, failure(400, 'BadRequest', `the server does not accept upgrades on ${url.pathname}`))
  const [, namespace, name, action] = match as unknown as [string, string, string, string]
  const pod = context.store.get('pods', namespace, name)
  if (!pod) return refuse(socket, notFound(PODS, name).status)
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName
  if (!nodeName) return refuse(socket, failure(400, 'BadRequest', `pod ${name} does not have a host assigned`))
  const isWebSocket = (request.headers.upgrade ?? '').toLowerCase() === 'websocket'
  const accept = (use: (ws: WebSocket) => void) =>
    webSockets.handleUpgrade(request, socket, head, (ws) => {
      const stop = () => ws.terminate()
      context.connections.add(stop)
      ws.once('close', () => context.connections.delete(stop))
      use(ws)
    })

  if (action !== 'portforward') {
    const protocol = offeredProtocols(request).find((offered) => EXEC_PROTOCOLS.includes(offered))
    if (!isWebSocket || !protocol) return refuse(socket, failure(500, undefined, 'error dialing backend: dial tcp 127.0.0.1:10250: connect: connection refused'))
    return accept((ws) => answerExec(ws, pod, nodeName, action, url.searchParams))
  }
  const resolve: PodPortResolver = context.podPorts ?? (() => undefined)
  if (isWebSocket) {
    if (!offeredProtocols(request).includes(TUNNEL_PROTOCOL)) return refuse(socket, failure(400, 'BadRequest', `unable to upgrade: no supported subprotocol in ${JSON.stringify(offeredProtocols(request))}`))
    return accept((ws) => new SpdySession(webSocketTransport(ws), forwardPodPorts(pod, resolve)))
  }
  if ((request.headers.upgrade ?? '').toLowerCase() !== 'spdy/3.1') return refuse(socket, failure(400, 'BadRequest', 'unable to upgrade: unsupported Upgrade header'))
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}\r\n\r\n`)
  const stop = () => socket.destroy()
  context.connections.add(stop)
  socket.once('close', () => context.connections.delete(stop))
  const session = new SpdySession(socketTransport(socket), forwardPodPorts(pod, resolve))
  if (head.length > 0) socket.unshift(head)
  void session
}

/** The WebSocket server that upgrades are handed to; it picks the subprotocol chosen by handleUpgrade. */
export const createUpgradeWebSockets = (): WebSocketServer =>
  new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (protocols) => [TUNNEL_PROTOCOL, ...EXEC_PROTOCOLS].find((protocol) => protocols.has(protocol)) ?? false,
  })
