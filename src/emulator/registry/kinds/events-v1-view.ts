// events.k8s.io/v1 Event as a view of the stored core/v1 Events, with kube-apiserver's field conversion
// (kubernetes pkg/apis/events/v1/conversion.go: message↔note, involvedObject↔regarding, source↔deprecatedSource,
// reportingComponent↔reportingController, first/lastTimestamp and count↔their deprecated* fields).
import type { KubeObject } from '../../store/kube-object.js'
import type { ResourceView } from '../resource-definition.js'

type Fields = Record<string, unknown>

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== '' && value !== 0

/** Only the fields whose value is set, as Go's `omitempty` writes them. */
const setOnly = (fields: Fields): Fields => Object.fromEntries(Object.entries(fields).filter(([, value]) => present(value)))

/** core/v1 → events.k8s.io/v1, keys in the Go struct's order. */
const toServed = (stored: KubeObject): KubeObject => {
  const event = stored as Fields
  return {
    kind: stored.kind,
    apiVersion: stored.apiVersion,
    metadata: stored.metadata,
    eventTime: event.eventTime ?? null,
    ...setOnly({ series: event.series, reportingController: event.reportingComponent, reportingInstance: event.reportingInstance, action: event.action, reason: event.reason }),
    regarding: event.involvedObject ?? {},
    ...setOnly({ related: event.related, note: event.message, type: event.type }),
    deprecatedSource: event.source ?? {},
    deprecatedFirstTimestamp: event.firstTimestamp ?? null,
    deprecatedLastTimestamp: event.lastTimestamp ?? null,
    ...setOnly({ deprecatedCount: event.count }),
  }
}

/** events.k8s.io/v1 → core/v1, keys in the Go struct's order (the strings core/v1 writes even when empty included). */
const toStored = (served: KubeObject): KubeObject => {
  const event = served as Fields
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: served.metadata,
    involvedObject: event.regarding ?? {},
    ...setOnly({ reason: event.reason, message: event.note }),
    source: event.deprecatedSource ?? {},
    firstTimestamp: event.deprecatedFirstTimestamp ?? null,
    lastTimestamp: event.deprecatedLastTimestamp ?? null,
    ...setOnly({ count: event.deprecatedCount, type: event.type }),
    eventTime: event.eventTime ?? null,
    ...setOnly({ series: event.series, action: event.action, related: event.related }),
    reportingComponent: event.reportingController ?? '',
    reportingInstance: event.reportingInstance ?? '',
  }
}

/** events.k8s.io/v1 field selector labels (AddFieldLabelConversionsForEvent), each with the core/v1 label it selects by. */
const RENAMED_FIELD_LABELS: Record<string, string> = {
  'regarding.kind': 'involvedObject.kind',
  'regarding.namespace': 'involvedObject.namespace',
  'regarding.name': 'involvedObject.name',
  'regarding.uid': 'involvedObject.uid',
  'regarding.apiVersion': 'involvedObject.apiVersion',
  'regarding.resourceVersion': 'involvedObject.resourceVersion',
  'regarding.fieldPath': 'involvedObject.fieldPath',
  reportingController: 'reportingComponent',
}

export const EVENTS_V1_FIELD_LABELS = ['reason', ...Object.keys(RENAMED_FIELD_LABELS), 'source', 'type']

export const EVENTS_V1_VIEW: ResourceView = { of: { group: '', plural: 'events', apiVersion: 'v1' }, toServed, toStored, renamedFieldLabels: RENAMED_FIELD_LABELS }
