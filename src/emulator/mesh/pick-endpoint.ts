import type { KubeObject } from '../store/kube-object.js'
import { type ClusterView, WATCHED } from './cluster-view.js'
import type { ServiceTarget } from './resolve-host.js'

export interface Endpoint {
  podUid: string
  podName: string
  /** The container port the Service's port targets on this pod. */
  targetPort: number
}

interface ServicePort {
  port: number
  targetPort?: number | string
}

interface PodShape {
  spec?: { containers?: { ports?: { containerPort: number; name?: string }[] }[] }
  status?: { conditions?: { type: string; status: string }[] }
}

const labelsMatch = (wanted: Record<string, string>, labels: Record<string, string> | undefined) =>
  Object.entries(wanted).every(([name, value]) => labels?.[name] === value)

/** Ready and not terminating: what Endpoints and the Istio proxy consider routable. */
export const isRoutable = (pod: KubeObject): boolean =>
  !pod.metadata.deletionTimestamp && ((pod as PodShape).status?.conditions ?? []).some((condition) => condition.type === 'Ready' && condition.status === 'True')

const resolveTargetPort = (pod: KubeObject, port: ServicePort): number | undefined => {
  const target = port.targetPort ?? port.port
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  const containerPorts = ((pod as PodShape).spec?.containers ?? []).flatMap((container) => container.ports ?? [])
  return containerPorts.find((candidate) => candidate.name === target)?.containerPort
}

/** The Service's declared ports. */
export const servicePorts = (service: KubeObject): ServicePort[] => ((service.spec as { ports?: ServicePort[] } | undefined)?.ports ?? [])

/**
 * Routable endpoints of a Service port, narrowed to a subset's labels; undefined when the Service has no such port.
 * Worked out again after any pod change (and for a changed Service), so a pod that stops being ready leaves the pool
 * at once. Callers must not mutate the list.
 */
export const readyEndpoints = (view: ClusterView, target: ServiceTarget, port: number, subsetLabels?: Record<string, string>): Endpoint[] | undefined =>
  view.derive(WATCHED.pods, `${target.service.metadata.uid ?? target.fqdn}@${target.service.metadata.resourceVersion ?? ''}|${port}|${labelsKey(subsetLabels)}`, () =>
    listReadyEndpoints(view, target, port, subsetLabels ?? {}),
  )

// A subset's labels live in a DestinationRule that stays the same object until it changes: its key is worked out once.
const labelKeys = new WeakMap<Record<string, string>, string>()
const labelsKey = (labels: Record<string, string> | undefined): string => {
  if (!labels) return ''
  let key = labelKeys.get(labels)
  if (key === undefined) labelKeys.set(labels, (key = JSON.stringify(labels)))
  return key
}

const listReadyEndpoints = (view: ClusterView, target: ServiceTarget, port: number, subsetLabels: Record<string, string>): Endpoint[] | undefined => {
  const servicePort = servicePorts(target.service).find((candidate) => candidate.port === port)
  if (!servicePort) return undefined
  const selector = (target.service.spec as { selector?: Record<string, string> } | undefined)?.selector
  if (!selector || !Object.keys(selector).length) return []
  const endpoints: Endpoint[] = []
  for (const pod of view.list(WATCHED.pods, target.namespace)) {
    const labels = pod.metadata.labels
    if (!labelsMatch(selector, labels) || !labelsMatch(subsetLabels, labels) || !isRoutable(pod)) continue
    const targetPort = resolveTargetPort(pod, servicePort)
    if (targetPort !== undefined) endpoints.push({ podUid: pod.metadata.uid ?? '', podName: pod.metadata.name ?? '', targetPort })
  }
  return endpoints
}

/** Round robin per upstream cluster (or random), avoiding hosts already tried for this request while others remain. */
export class LoadBalancer {
  #cursor = new Map<string, number>()

  pick(cluster: string, endpoints: Endpoint[], tried: ReadonlySet<string>, policy: string | undefined, random: () => number): Endpoint | undefined {
    const fresh = endpoints.filter((endpoint) => !tried.has(endpoint.podUid))
    const pool = fresh.length ? fresh : endpoints
    if (!pool.length) return undefined
    if (policy === 'RANDOM') return pool[Math.floor(random() * pool.length)]
    const cursor = this.#cursor.get(cluster) ?? Math.floor(random() * 1000)
    this.#cursor.set(cluster, cursor + 1)
    return pool[cursor % pool.length]
  }
}
