import { randomUUID } from 'node:crypto'
import type { DispatchContext } from './dispatch-route.js'
import { dispatchRoute } from './dispatch-route.js'
import { type MeshRequest, plainResponse, type RequestSource, type UpstreamResponse } from './mesh-request.js'
import { servicePorts } from './pick-endpoint.js'
import type { ServiceTarget } from './resolve-host.js'
import { findMeshVirtualService, selectRoute } from './select-route.js'

/** Envoy stamps every request with an id when it has none; bookinfo forwards it downstream. */
export const withRequestId = (request: MeshRequest): MeshRequest =>
  request.headers['x-request-id'] ? request : { ...request, headers: { ...request.headers, 'x-request-id': randomUUID() } }

/** A sidecar's outbound path to a Service: its mesh VirtualService (or plain load balancing without one), 404 when no route matches. */
export const routeMeshRequest = (
  context: DispatchContext,
  target: ServiceTarget,
  port: number,
  request: MeshRequest,
  source: RequestSource,
): Promise<UpstreamResponse> => {
  const virtualService = findMeshVirtualService(context.view, target.fqdn)
  if (!virtualService) return dispatchRoute(context, { route: [{ destination: { host: target.fqdn } }] }, target.namespace, request, port)
  const selected = selectRoute([virtualService], request, source)
  if (!selected) return Promise.resolve(plainResponse(404, ''))
  return dispatchRoute(context, selected.route, selected.ruleNamespace, request, port)
}

export const exposesPort = (target: ServiceTarget, port: number): boolean => servicePorts(target.service).some((candidate) => candidate.port === port)
