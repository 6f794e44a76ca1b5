import type { KubeObject } from '../store/kube-object.js'
import { type ClusterView, oldestFirst, specOf, WATCHED } from './cluster-view.js'
import type { HTTPRoute, VirtualServiceSpec } from './istio-types.js'
import { matchRoute, qualifyGateway } from './match-request.js'
import type { MeshRequest, RequestSource } from './mesh-request.js'
import { hostMatches, qualifyHost } from './resolve-host.js'

const vsSpec = (object: KubeObject) => specOf<VirtualServiceSpec>(object)
const namespaceOf = (object: KubeObject) => object.metadata.namespace ?? 'default'

const boundTo = (object: KubeObject, gateway: string): boolean => {
  const gateways = vsSpec(object).gateways
  if (!gateways?.length) return gateway === 'mesh'
  return gateways.some((name) => qualifyGateway(name, namespaceOf(object)) === gateway)
}

/**
 * The one mesh-bound VirtualService for a service host. Istio does not merge duplicates:
 * an exact host beats a wildcard, then the oldest wins.
 */
export const findMeshVirtualService = (view: ClusterView, fqdn: string): KubeObject | undefined =>
  view.derive(WATCHED.virtualServices, `mesh ${fqdn}`, () => {
    const bound = view.list(WATCHED.virtualServices).filter((object) => boundTo(object, 'mesh')).sort(oldestFirst)
    const hostsOf = (object: KubeObject) => (vsSpec(object).hosts ?? []).map((host) => qualifyHost(host, namespaceOf(object)))
    return bound.find((object) => hostsOf(object).includes(fqdn)) ?? bound.find((object) => hostsOf(object).some((host) => hostMatches(host, fqdn)))
  })

/** VirtualServices bound to a gateway for the request's Host; Istio merges these, oldest first. */
export const findGatewayVirtualServices = (view: ClusterView, gateway: string, hostname: string): readonly KubeObject[] =>
  view.derive(WATCHED.virtualServices, `gateway ${gateway} ${hostname}`, () =>
    view
      .list(WATCHED.virtualServices)
      .filter((object) => boundTo(object, gateway))
      .filter((object) => (vsSpec(object).hosts ?? []).some((host) => hostMatches(host.toLowerCase(), hostname.toLowerCase())))
      .sort(oldestFirst),
  )

export interface SelectedRoute {
  route: HTTPRoute
  /** Namespace of the VirtualService: short destination hosts are qualified with it. */
  ruleNamespace: string
  virtualService: string
}

/** First route whose match succeeds, across the given VirtualServices in order; undefined ⇒ 404. */
export const selectRoute = (virtualServices: readonly KubeObject[], request: MeshRequest, source: RequestSource): SelectedRoute | undefined => {
  for (const object of virtualServices) {
    const ruleNamespace = namespaceOf(object)
    const route = (vsSpec(object).http ?? []).find((candidate) => matchRoute(candidate, request, source, ruleNamespace))
    if (route) return { route, ruleNamespace, virtualService: `${ruleNamespace}/${object.metadata.name ?? ''}` }
  }
  return undefined
}
