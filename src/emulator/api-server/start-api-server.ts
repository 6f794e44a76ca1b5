import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Store } from '../store/store.js'
import { anonymousForbidden } from './anonymous-forbidden.js'
import type { ApiContext, PodLogReader, WatchFaultHook } from './api-context.js'
import { apiGroupDocument, apiGroupList, apiResourceList, apiVersions, healthText, versionInfo } from './discovery.js'
import { serveAggregatedDiscovery } from './discovery-aggregated.js'
import { startGarbageCollector } from './garbage-collect.js'
import { handleResource } from './handle-resource.js'
import { responseEncoding, sendJson, sendText } from './http-io.js'
import { serveOpenApi } from './openapi/serve-openapi.js'
import { parsePath } from './parse-path.js'
import type { PodPortResolver } from './port-forward/forward-pod-ports.js'
import { createUpgradeWebSockets, handleUpgrade, type UpgradeContext } from './port-forward/handle-upgrade.js'
import { refuseProtobufAnswer } from './protobuf/refuse-protobuf.js'
import { PROTOBUF_MEDIA_TYPE } from './protobuf/protobuf-envelope.js'
import { ApiError, failure, notAcceptable, resourceNotFound } from './status.js'

export interface ApiServerOptions {
  store: Store
  /** The bearer token every API request must carry (health and /version are anonymous). */
  token: string
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  /** Container logs for pods/<name>/log; undefined (or returning undefined) answers the "kubelet unreachable" 500. */
  podLogs?: PodLogReader
  /** Where pods' container ports really listen, for port-forward; without it every forward is refused. */
  podPorts?: PodPortResolver
  /** How often watches with allowWatchBookmarks get a BOOKMARK; default 5000 ms. */
  bookmarkIntervalMs?: number
  /** Test hook (not exported by the package): makes chosen watches fail with an ERROR event. */
  watchFault?: WatchFaultHook
}

export interface ApiServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** Serves a connection made elsewhere (the TLS endpoint's decrypted sockets), without a second loopback hop. */
  acceptConnection(socket: Duplex): void
  close(): Promise<void>
}

const HEALTH = new Set(['/healthz', '/readyz', '/livez'])

const authorize = (request: IncomingMessage, token: string, url: URL): void => {
  const header = request.headers.authorization
  if (header === undefined) throw anonymousForbidden(request.method ?? 'GET', url)
  if (header !== `Bearer ${token}`) throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 })
}

/** Serves the request; every failure becomes the Status a real kube-apiserver would send. */
const route = async (context: ApiContext, token: string, request: IncomingMessage, response: ServerResponse): Promise<void> => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')
  if (HEALTH.has(url.pathname)) return sendText(response, 200, healthText(url.pathname.slice(1), url.searchParams.has('verbose')))
  if (url.pathname === '/version') return sendJson(response, 200, versionInfo())
  authorize(request, token, url)
  if (url.pathname.startsWith('/openapi/') && serveOpenApi(request, response, url)) return
  if ((url.pathname === '/api' || url.pathname === '/apis') && serveAggregatedDiscovery(request, response, url.pathname)) return
  const encoding = responseEncoding(request.headers.accept)
  if (!encoding) throw notAcceptable(['application/json', 'application/yaml', PROTOBUF_MEDIA_TYPE])
  const target = parsePath(url.pathname)
  if (encoding === 'protobuf') refuseProtobufAnswer(target, url.searchParams)
  const method = request.method ?? 'GET'
  switch (target.type) {
    case 'api-versions':
      return sendJson(response, 200, apiVersions(context.serverAddress))
    case 'api-groups':
      return sendJson(response, 200, apiGroupList())
    case 'api-group':
      return sendJson(response, 200, apiGroupDocument(target.group))
    case 'resource-list':
      return sendJson(response, 200, apiResourceList(target.group, target.version))
    case 'no-route':
      return sendText(response, 404, '404 page not found\n')
    case 'no-resource':
      throw resourceNotFound()
    case 'resource':
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) throw new ApiError(failure(405, 'MethodNotAllowed', `${method} is not supported`, {}))
      return handleResource(context, request, response, target, url.searchParams)
  }
}

/**
 * Starts a Kubernetes-compatible API server over `store` on 127.0.0.1.
 *
 * @example
 * const server = await startApiServer({ store, token: 'secret' })
 * // kubeconfig: server: server.url, insecure-skip-tls-verify: true, user.token: 'secret'
 * await server.close()
 */
export const startApiServer = async (options: ApiServerOptions): Promise<ApiServer> => {
  const context: ApiContext = {
    store: options.store,
    ...(options.podLogs ? { podLogs: options.podLogs } : {}),
    serverAddress: '127.0.0.1:0',
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5000,
    watches: new Set(),
    ...(options.watchFault ? { watchFault: options.watchFault } : {}),
  }
  const server = createServer((request, response) => {
    route(context, options.token, request, response).catch((error: unknown) => {
      const status = error instanceof ApiError ? error : new ApiError(failure(500, 'InternalError', `Internal error occurred: ${(error as Error)?.message ?? String(error)}`, {}))
      if (response.headersSent) {
        response.end()
        return
      }
      request.resume()
      sendJson(response, status.code, status.status, status.headers)
    })
  })
  const upgrades: UpgradeContext = { store: options.store, token: options.token, ...(options.podPorts ? { podPorts: options.podPorts } : {}), connections: new Set() }
  const webSockets = createUpgradeWebSockets()
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => handleUpgrade(upgrades, webSockets, request, socket, head))
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  context.serverAddress = `127.0.0.1:${port}`
  const stopCollector = startGarbageCollector(options.store)
  return {
    url: `http://127.0.0.1:${port}`,
    acceptConnection: (socket) => server.emit('connection', socket),
    async close() {
      stopCollector()
      for (const finish of [...context.watches]) finish()
      for (const stop of [...upgrades.connections]) stop()
      webSockets.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
