// Event and Lease table cells as kube-apiserver's printEvent / printLease write them (the server always prints wide).
import type { KubeObject } from '../../store/kube-object.js'
import { ageOf } from './human-age.js'

type Json = Record<string, unknown>
type Cell = string | number | null

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')
const firstNonEmpty = (...values: unknown[]): string => values.map(textOf).find((value) => value !== '') ?? ''

/** `component, host`, the reporting controller/instance when the legacy source is empty. */
const formatSource = (event: Json): string => {
  const source = (event.source ?? {}) as Json
  const component = firstNonEmpty(source.component, event.reportingComponent)
  const instance = firstNonEmpty(source.host, event.reportingInstance)
  return instance === '' ? component : `${component}, ${instance}`
}

export const eventCells = (object: KubeObject): Cell[] => {
  const event = object as unknown as Json
  const involved = (event.involvedObject ?? {}) as Json
  const series = event.series as Json | undefined
  const firstSeen = textOf(event.firstTimestamp) ? ageOf(event.firstTimestamp) : ageOf(event.eventTime)
  const lastSeen = series ? ageOf(series.lastObservedTime) : textOf(event.lastTimestamp) ? ageOf(event.lastTimestamp) : firstSeen
  const count = series ? Number(series.count ?? 0) : Number(event.count ?? 0) || 1
  const kind = textOf(involved.kind).toLowerCase()
  const name = textOf(involved.name)
  return [
    lastSeen,
    textOf(event.type),
    textOf(event.reason),
    name ? `${kind}/${name}` : kind,
    textOf(involved.fieldPath),
    formatSource(event),
    textOf(event.message).trim(),
    firstSeen,
    count,
    object.metadata.name ?? '',
  ]
}

export const leaseCells = (lease: KubeObject): Cell[] => [
  lease.metadata.name ?? '',
  textOf(((lease.spec ?? {}) as Json).holderIdentity),
  ageOf(lease.metadata.creationTimestamp),
]
