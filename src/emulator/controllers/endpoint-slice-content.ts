// What kube-controller-manager's endpointslice controller (1.32) puts in a Service's slices: one endpoint per pod,
// grouped by the ports the pod resolves, at most 100 per slice.
import type { Node, Pod } from './kube-types.js'
import { isPodFinished, isPodReady, isTerminating } from './pod-state.js'
import { resolvePort, type Service } from './service-ports.js'

export interface EndpointPort {
  name: string
  protocol: string
  port: number
  appProtocol?: string
}

export interface Endpoint {
  addresses: string[]
  conditions: { ready: boolean; serving: boolean; terminating: boolean }
  hostname?: string
  targetRef: { kind: 'Pod'; namespace?: string; name?: string; uid?: string }
  nodeName?: string
  zone?: string
}

/** One slice's content; `null` lists are what a placeholder slice (no pods) holds, as Go's nil slices print. */
export interface SliceContent {
  endpoints: Endpoint[] | null
  ports: EndpointPort[] | null
}

const MAX_ENDPOINTS_PER_SLICE = 100
const ZONE_LABEL = 'topology.kubernetes.io/zone'

/** ShouldPodBeInEndpoints(pod, includeTerminating=true): any pod with an IP that has not finished. */
const belongsInSlices = (pod: Pod): boolean => !isPodFinished(pod) && (!!pod.status?.podIP || Array.isArray(pod.status?.podIPs))

const ipv4Addresses = (pod: Pod): string[] => {
  const listed = Array.isArray(pod.status?.podIPs) ? (pod.status.podIPs as { ip?: string }[]).map((entry) => entry.ip ?? '') : []
  const all = listed.length > 0 ? listed : [typeof pod.status?.podIP === 'string' ? pod.status.podIP : '']
  return all.filter((ip) => ip !== '' && !ip.includes(':'))
}

const endpointOf = (pod: Pod, service: Service, nodes: Map<string, Node>): Endpoint => {
  const serving = isPodReady(pod)
  const terminating = isTerminating(pod)
  const nodeName = pod.spec.nodeName
  const zone = nodeName ? nodes.get(nodeName)?.metadata.labels?.[ZONE_LABEL] : undefined
  const hostname = typeof pod.spec.hostname === 'string' && pod.spec.hostname && pod.spec.subdomain === service.metadata.name ? pod.spec.hostname : undefined
  return {
    addresses: ipv4Addresses(pod),
    // a terminating pod is never "ready" unless the Service publishes not-ready addresses
    conditions: { ready: !!service.spec.publishNotReadyAddresses || (serving && !terminating), serving, terminating },
    ...(hostname ? { hostname } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    ...(nodeName ? { nodeName } : {}),
    ...(zone ? { zone } : {}),
  }
}

/** getEndpointPorts: every Service port the pod resolves, its name always present (`""` when unnamed). */
const portsOf = (pod: Pod, service: Service): EndpointPort[] =>
  (service.spec.ports ?? []).flatMap((port) => {
    const number = resolvePort(pod, port)
    if (number === undefined) return []
    return [{ name: port.name ?? '', protocol: port.protocol ?? 'TCP', port: number, ...(port.appProtocol ? { appProtocol: port.appProtocol } : {}) }]
  })

/**
 * The slices a Service should have, given the pods of its namespace; one placeholder slice when none match.
 *
 * @example
 * desiredSlices(service, pods, nodes) // [{ ports: [{ name: 'http', protocol: 'TCP', port: 9080 }], endpoints: [{ addresses: ['10.244.1.4'], … }] }]
 */
export const desiredSlices = (service: Service, pods: Pod[], nodes: Map<string, Node>): SliceContent[] => {
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>()
  for (const pod of pods.filter(belongsInSlices)) {
    const endpoint = endpointOf(pod, service, nodes)
    if (endpoint.addresses.length === 0) continue
    const ports = portsOf(pod, service)
    const key = JSON.stringify(ports)
    const group = groups.get(key) ?? { ports, endpoints: [] }
    groups.set(key, group)
    group.endpoints.push(endpoint)
  }
  const slices: SliceContent[] = []
  for (const { ports, endpoints } of groups.values()) {
    for (let start = 0; start < endpoints.length; start += MAX_ENDPOINTS_PER_SLICE) {
      slices.push({ ports: ports.length > 0 ? ports : null, endpoints: endpoints.slice(start, start + MAX_ENDPOINTS_PER_SLICE) })
    }
  }
  return slices.length > 0 ? slices : [{ endpoints: null, ports: null }]
}
