// Table cells of kube-apiserver 1.32's printers for Endpoints, EndpointSlice, DaemonSet, Namespace, ConfigMap, Secret and ServiceAccount.
import type { KubeObject } from '../../store/kube-object.js'
import { formatSelectorObject, type LabelSelectorObject } from '../label-selector.js'
import { endpointSliceCells } from './endpoint-slice-cells.js'
import { ageOf } from './human-age.js'

type Json = Record<string, unknown>
type Cell = string | number | null

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
const fields = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {})
const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')
const count = (value: unknown): number => Object.keys(fields(value)).length
const age = (object: KubeObject) => ageOf(object.metadata.creationTimestamp)
const joinHostPort = (ip: string, port: unknown) => (ip.includes(':') ? `[${ip}]:${String(port)}` : `${ip}:${String(port)}`)

/** printers.go formatEndpoints: at most three `ip:port`, then ` + N more...`; `<none>` without subsets. */
export const formatEndpoints = (endpoints: KubeObject): string => {
  const subsets = list((endpoints as unknown as Json).subsets)
  if (subsets.length === 0) return '<none>'
  const shown: string[] = []
  let total = 0
  for (const subset of subsets) {
    const addresses = list(subset.addresses).map((address) => str(address.ip))
    const ports = list(subset.ports)
    const entries = ports.length === 0 ? addresses : ports.flatMap((port) => addresses.map((ip) => joinHostPort(ip, port.port)))
    total += entries.length
    shown.push(...entries.slice(0, Math.max(0, 3 - shown.length)))
  }
  return total > 3 ? `${shown.join(',')} + ${total - 3} more...` : shown.join(',')
}

const labelsText = (labels: unknown): string => {
  const entries = Object.entries(fields(labels)).map(([key, value]) => `${key}=${String(value as string)}`).sort()
  return entries.length > 0 ? entries.join(',') : '<none>'
}

const daemonSetCells = (daemonSet: KubeObject): Cell[] => {
  const status = fields(daemonSet.status)
  const spec = fields(daemonSet.spec)
  const podSpec = fields(fields(spec.template).spec)
  const containers = list(podSpec.containers)
  return [
    daemonSet.metadata.name ?? '',
    Number(status.desiredNumberScheduled ?? 0),
    Number(status.currentNumberScheduled ?? 0),
    Number(status.numberReady ?? 0),
    Number(status.updatedNumberScheduled ?? 0),
    Number(status.numberAvailable ?? 0),
    labelsText(podSpec.nodeSelector),
    age(daemonSet),
    containers.map((container) => str(container.name)).join(','),
    containers.map((container) => str(container.image)).join(','),
    formatSelectorObject(spec.selector as LabelSelectorObject | undefined) || '<none>',
  ]
}

export const MORE_CELLS: Record<string, (object: KubeObject) => Cell[]> = {
  Endpoints: (endpoints) => [endpoints.metadata.name ?? '', formatEndpoints(endpoints), age(endpoints)],
  EndpointSlice: endpointSliceCells,
  DaemonSet: daemonSetCells,
  Namespace: (namespace) => [namespace.metadata.name ?? '', str(fields(namespace.status).phase), age(namespace)],
  ConfigMap: (configMap) => [configMap.metadata.name ?? '', count((configMap as unknown as Json).data) + count((configMap as unknown as Json).binaryData), age(configMap)],
  Secret: (secret) => [secret.metadata.name ?? '', str((secret as unknown as Json).type), count((secret as unknown as Json).data), age(secret)],
  ServiceAccount: (account) => [account.metadata.name ?? '', list((account as unknown as Json).secrets).length, age(account)],
}
