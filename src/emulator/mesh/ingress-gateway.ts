import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { deriveCancellation } from './cancellation.js'
import { oldestFirst, specOf, WATCHED } from './cluster-view.js'
import { type DispatchContext, dispatchRoute } from './dispatch-route.js'
import type { GatewaySpec } from './istio-types.js'
import { type MeshRequest, plainResponse, type RequestSource, type UpstreamResponse } from './mesh-request.js'
import { withoutHopByHop } from './without-hop-by-hop.js'
import { withRequestId } from './route-mesh-request.js'
import { findGatewayVirtualServices, selectRoute } from './select-route.js'
import { readRequestBody } from './read-request-body.js'

export interface Ingress {
  /** `http://127.0.0.1:<port>` */
  url: string
  close(): Promise<void>
}

const INGRESS_LABELS = { app: 'istio-ingressgateway', istio: 'ingressgateway' }

const servesIngress = (spec: GatewaySpec) => Object.entries(spec.selector ?? {}).every(([name, value]) => INGRESS_LABELS[name as keyof typeof INGRESS_LABELS] === value)

const toMeshRequest = (incoming: IncomingMessage, body: Buffer, fallbackAuthority: string): MeshRequest => {
  const url = new URL(incoming.url ?? '/', 'http://ingress')
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  headers['x-forwarded-proto'] = 'http'
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, 127.0.0.1` : '127.0.0.1'
  const authority = incoming.headers.host ?? fallbackAuthority
  return withRequestId({ method: incoming.method ?? 'GET', scheme: 'http', authority, path: url.pathname, query: url.searchParams, headers, body })
}

/** The ingress gateway's routing: VirtualServices bound to a Gateway that selects `istio: ingressgateway`; no route ⇒ 404. */
const routeIngressRequest = (context: DispatchContext, request: MeshRequest): Promise<UpstreamResponse> => {
  const hostname = request.authority.replace(/:\d+$/, '')
  const gateways = context.view.derive(WATCHED.gateways, 'ingress', () => context.view.list(WATCHED.gateways).filter((object) => servesIngress(specOf<GatewaySpec>(object))).sort(oldestFirst))
  for (const gateway of gateways) {
    const name = `${gateway.metadata.namespace ?? 'default'}/${gateway.metadata.name ?? ''}`
    const source: RequestSource = { namespace: 'istio-system', labels: INGRESS_LABELS, gateway: name }
    const selected = selectRoute(findGatewayVirtualServices(context.view, name, hostname), request, source)
    if (selected) return dispatchRoute(context, selected.route, selected.ruleNamespace, request, undefined)
  }
  return Promise.resolve(plainResponse(404, ''))
}

const respond = (outgoing: ServerResponse, response: UpstreamResponse) => {
  outgoing.writeHead(response.status, { ...withoutHopByHop(response.headers), server: 'istio-envoy' })
  outgoing.end(response.body)
}

/** A loopback HTTP port standing in for `istio-ingressgateway`. */
export const startIngressGateway = async (context: DispatchContext, port = 0): Promise<Ingress> => {
  let fallbackAuthority = '127.0.0.1'
  const server = createServer((incoming, outgoing) => {
    const { cancellation, dispose } = deriveCancellation(context.cancellation)
    outgoing.on('close', () => outgoing.writableFinished || cancellation.abort(new Error('the client went away')))
    readRequestBody(incoming)
      .then((body) => routeIngressRequest({ ...context, cancellation }, toMeshRequest(incoming, body, fallbackAuthority)))
      .then((response) => respond(outgoing, response))
      .catch(() => (cancellation.aborted ? outgoing.destroy() : respond(outgoing, plainResponse(500, 'internal error in the emulated ingress gateway'))))
      .finally(dispose)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const bound = (server.address() as AddressInfo).port
  fallbackAuthority = `127.0.0.1:${bound}`
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
