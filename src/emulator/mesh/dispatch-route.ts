import { type ClusterView, oldestFirst, specOf, WATCHED } from './cluster-view.js'
import { drawFault, FAULT_HEADER } from './apply-fault.js'
import { type ForwardContext, forwardWithRetries } from './forward-with-retries.js'
import type { DestinationRuleSpec, HTTPRoute, Subset } from './istio-types.js'
import { type MeshRequest, plainResponse, type UpstreamResponse } from './mesh-request.js'
import { parseDuration } from './parse-duration.js'
import { pickDestination } from './pick-destination.js'
import { readyEndpoints, servicePorts } from './pick-endpoint.js'
import { findServiceByFqdn, qualifyHost } from './resolve-host.js'
import { retryPolicyOf } from './retry-policy.js'
import { sleep } from './sleep.js'

export interface DispatchContext extends ForwardContext {
  view: ClusterView
}

const findDestinationRule = (view: ClusterView, fqdn: string): DestinationRuleSpec | undefined =>
  view.derive(WATCHED.destinationRules, fqdn, () =>
    view
      .list(WATCHED.destinationRules)
      .sort(oldestFirst)
      .map((object) => ({ spec: specOf<DestinationRuleSpec>(object), namespace: object.metadata.namespace ?? 'default' }))
      .find(({ spec, namespace }) => spec.host !== undefined && qualifyHost(spec.host, namespace) === fqdn)?.spec,
  )

const withMarker = (response: UpstreamResponse, marker: string | undefined): UpstreamResponse =>
  marker ? { ...response, headers: { ...response.headers, [FAULT_HEADER]: marker } } : response

/**
 * Everything after route selection, in Envoy's order: fault (delay, then abort), weighted destination,
 * subset → endpoints, then the router with timeout and retries.
 */
export const dispatchRoute = async (
  context: DispatchContext,
  route: HTTPRoute,
  ruleNamespace: string,
  request: MeshRequest,
  requestPort: number | undefined,
): Promise<UpstreamResponse> => {
  const fault = drawFault(route.fault, context.random)
  if (fault.delayMs !== undefined) await sleep(fault.delayMs, context.cancellation)
  if (fault.abortStatus !== undefined) return withMarker(plainResponse(fault.abortStatus, 'fault filter abort'), fault.marker)
  const destination = pickDestination(route.route, context.random)
  const target = destination && findServiceByFqdn(context.view, qualifyHost(destination.host, ruleNamespace))
  if (!destination || !target) return withMarker(plainResponse(503, ''), fault.marker)
  const port = destination.port?.number ?? requestPort ?? servicePorts(target.service)[0]?.port ?? 80
  const rule = findDestinationRule(context.view, target.fqdn)
  let subset: Subset | undefined
  if (destination.subset !== undefined) {
    subset = rule?.subsets?.find((candidate) => candidate.name === destination.subset)
    if (!subset) return withMarker(plainResponse(503, ''), fault.marker)
  }
  if (!servicePorts(target.service).some((candidate) => candidate.port === port)) return withMarker(plainResponse(503, ''), fault.marker)
  const cluster = {
    name: `outbound|${port}|${destination.subset ?? ''}|${target.fqdn}`,
    endpoints: () => readyEndpoints(context.view, target, port, subset?.labels) ?? [],
    loadBalancer: subset?.trafficPolicy?.loadBalancer?.simple ?? rule?.trafficPolicy?.loadBalancer?.simple,
  }
  const response = await forwardWithRetries(context, cluster, request, retryPolicyOf(route.retries), parseDuration(route.timeout))
  return withMarker(response, fault.marker)
}
