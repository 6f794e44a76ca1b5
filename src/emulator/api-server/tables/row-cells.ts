// Table cells per kind, typed as the server prints them (integers stay integers, most cells are strings).
import type { KubeObject } from '../../store/kube-object.js'
import { formatSelectorObject, type LabelSelectorObject } from '../../registry/label-selector.js'
import { eventCells, leaseCells } from './event-cells.js'
import { ageOf } from './human-age.js'

type Json = Record<string, unknown>
type Cell = string | number | null

const spec = (object: KubeObject) => (object.spec ?? {}) as Json
const status = (object: KubeObject) => (object.status ?? {}) as Json
const text = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value))
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
const age = (object: KubeObject) => ageOf(object.metadata.creationTimestamp)
const orNone = (value: unknown) => (typeof value === 'string' && value !== '' ? value : '<none>')

const templateContainers = (object: KubeObject) => list(((spec(object).template as Json | undefined)?.spec as Json | undefined)?.containers)
const names = (containers: Json[]) => containers.map((container) => text(container.name ?? '')).join(',')
const images = (containers: Json[]) => containers.map((container) => text(container.image ?? '')).join(',')
const selectorText = (object: KubeObject) => formatSelectorObject(spec(object).selector as LabelSelectorObject | undefined) || '<none>'

const podStatusText = (pod: KubeObject): string => {
  const podStatus = status(pod)
  let reason = text(podStatus.reason ?? podStatus.phase ?? '')
  let hasRunning = false
  for (const containerStatus of [...list(podStatus.containerStatuses)].reverse()) {
    const state = (containerStatus.state ?? {}) as { waiting?: Json; terminated?: Json; running?: Json }
    if (state.waiting?.reason) reason = text(state.waiting.reason)
    else if (state.terminated) {
      reason = state.terminated.reason ? text(state.terminated.reason) : state.terminated.signal ? `Signal:${text(state.terminated.signal)}` : `ExitCode:${text(state.terminated.exitCode)}`
    } else if (state.running && containerStatus.ready) hasRunning = true
  }
  if (reason === 'Completed' && hasRunning) {
    const ready = list(podStatus.conditions).some((condition) => condition.type === 'Ready' && condition.status === 'True')
    reason = ready ? 'Running' : 'NotReady'
  }
  if (pod.metadata.deletionTimestamp) reason = podStatus.reason === 'NodeLost' ? 'Unknown' : 'Terminating'
  return reason
}

const podCells = (pod: KubeObject): Cell[] => {
  const podStatus = status(pod)
  const statuses = list(podStatus.containerStatuses)
  const ready = statuses.filter((containerStatus) => containerStatus.ready === true).length
  const restarts = statuses.reduce((sum, containerStatus) => sum + Number(containerStatus.restartCount ?? 0), 0)
  const gates = list(spec(pod).readinessGates)
  const gateText = gates.length === 0 ? '<none>' : `${gates.filter((gate) => list(podStatus.conditions).some((condition) => condition.type === gate.conditionType && condition.status === 'True')).length}/${gates.length}`
  return [
    pod.metadata.name ?? '',
    `${ready}/${list(spec(pod).containers).length}`,
    podStatusText(pod),
    text(restarts),
    age(pod),
    orNone(podStatus.podIP),
    orNone(spec(pod).nodeName),
    orNone(podStatus.nominatedNodeName),
    gateText,
  ]
}

const nodeCells = (node: KubeObject): Cell[] => {
  const nodeStatus = status(node)
  const ready = list(nodeStatus.conditions).find((condition) => condition.type === 'Ready')
  const states = [ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown']
  if (spec(node).unschedulable === true) states.push('SchedulingDisabled')
  const roles = Object.entries(node.metadata.labels ?? {})
    .flatMap(([key, value]) => (key.startsWith('node-role.kubernetes.io/') ? [key.slice('node-role.kubernetes.io/'.length)] : key === 'kubernetes.io/role' ? [value] : []))
    .filter(Boolean)
    .sort()
  const info = (nodeStatus.nodeInfo ?? {}) as Json
  const address = (type: string) => orNone(list(nodeStatus.addresses).find((entry) => entry.type === type)?.address)
  const known = (value: unknown) => (typeof value === 'string' && value !== '' ? value : '<unknown>')
  return [
    node.metadata.name ?? '',
    states.join(','),
    roles.length > 0 ? roles.join(',') : '<none>',
    age(node),
    text(info.kubeletVersion ?? ''),
    address('InternalIP'),
    address('ExternalIP'),
    known(info.osImage),
    known(info.kernelVersion),
    known(info.containerRuntimeVersion),
  ]
}

const deploymentCells = (deployment: KubeObject): Cell[] => {
  const deploymentStatus = status(deployment)
  const containers = templateContainers(deployment)
  return [
    deployment.metadata.name ?? '',
    `${Number(deploymentStatus.readyReplicas ?? 0)}/${Number(spec(deployment).replicas ?? 0)}`,
    Number(deploymentStatus.updatedReplicas ?? 0),
    Number(deploymentStatus.availableReplicas ?? 0),
    age(deployment),
    names(containers),
    images(containers),
    selectorText(deployment),
  ]
}

const replicaSetCells = (replicaSet: KubeObject): Cell[] => {
  const containers = templateContainers(replicaSet)
  return [
    replicaSet.metadata.name ?? '',
    Number(spec(replicaSet).replicas ?? 0),
    Number(status(replicaSet).replicas ?? 0),
    Number(status(replicaSet).readyReplicas ?? 0),
    age(replicaSet),
    names(containers),
    images(containers),
    selectorText(replicaSet),
  ]
}

const pdbCells = (pdb: KubeObject): Cell[] => {
  const intOrString = (value: unknown) => (value === undefined || value === null ? 'N/A' : text(value))
  return [pdb.metadata.name ?? '', intOrString(spec(pdb).minAvailable), intOrString(spec(pdb).maxUnavailable), Number(status(pdb).disruptionsAllowed ?? 0), age(pdb)]
}

const serviceCells = (service: KubeObject): Cell[] => {
  const serviceSpec = spec(service)
  const type = text(serviceSpec.type ?? 'ClusterIP')
  const external = (() => {
    const ips = (serviceSpec.externalIPs as string[] | undefined) ?? []
    if (type === 'ExternalName') return text(serviceSpec.externalName ?? '<none>')
    if (type === 'LoadBalancer') {
      const ingress = list(((status(service).loadBalancer ?? {}) as Json).ingress).map((entry) => text(entry.ip ?? entry.hostname ?? ''))
      const all = [...ingress, ...ips]
      return all.length > 0 ? all.join(',') : '<pending>'
    }
    return ips.length > 0 ? ips.join(',') : '<none>'
  })()
  const ports = list(serviceSpec.ports).map((port) => `${text(port.port)}${port.nodePort ? `:${text(port.nodePort)}` : ''}/${text(port.protocol ?? 'TCP')}`)
  const selector = Object.entries((serviceSpec.selector as Record<string, string> | undefined) ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .sort()
  return [
    service.metadata.name ?? '',
    type,
    orNone(serviceSpec.clusterIP),
    external,
    ports.length > 0 ? ports.join(',') : '<none>',
    age(service),
    selector.length > 0 ? selector.join(',') : '<none>',
  ]
}

// Custom resource printer columns: missing → null, arrays → JSON text.
const printerValue = (value: unknown): Cell => (value === undefined || value === null ? null : typeof value === 'object' ? JSON.stringify(value) : (value as string | number))

export const CELLS: Record<string, (object: KubeObject) => Cell[]> = {
  Pod: podCells,
  Node: nodeCells,
  Deployment: deploymentCells,
  ReplicaSet: replicaSetCells,
  PodDisruptionBudget: pdbCells,
  Service: serviceCells,
  Event: eventCells,
  Lease: leaseCells,
  VirtualService: (vs) => [vs.metadata.name ?? '', printerValue(spec(vs).gateways), printerValue(spec(vs).hosts), age(vs)],
  DestinationRule: (dr) => [dr.metadata.name ?? '', printerValue(spec(dr).host), age(dr)],
}

export const genericCells = (object: KubeObject): Cell[] => [object.metadata.name ?? '', age(object)]
