// The one table that drives routing, discovery, storage keys, selectors and each kind's hooks.
import { EVENTS_V1_FIELD_LABELS, EVENTS_V1_VIEW } from './kinds/events-v1-view.js'
import { NAMESPACE_HOOKS } from './kinds/namespace.js'
import { POD_HOOKS } from './kinds/pod.js'
import { SERVICE_HOOKS } from './kinds/service.js'
import { NODE_HOOKS, POD_DISRUPTION_BUDGET_HOOKS, SECRET_HOOKS } from './kinds/small-kinds.js'
import { DAEMON_SET_HOOKS, DEPLOYMENT_HOOKS, REPLICA_SET_HOOKS } from './kinds/workloads.js'
import type { ResourceDefinition, SubresourceDefinition, Verb } from './resource-definition.js'

const ALL_VERBS: Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const CRD_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'] as Verb[]
const STATUS: SubresourceDefinition = { name: 'status', verbs: ['get', 'patch', 'update'] }
const ISTIO_VERSIONS = ['v1', 'v1beta1', 'v1alpha3']
const ISTIO_CATEGORIES = ['istio-io', 'networking-istio-io']

const core = (plural: string, kind: string, extra: Partial<ResourceDefinition> & { storageVersionHash: string }): ResourceDefinition => ({
  group: '',
  versions: ['v1'],
  plural,
  kind,
  namespaced: true,
  verbs: ALL_VERBS,
  subresources: [],
  ...extra,
})

export const RESOURCES: ResourceDefinition[] = [
  core('configmaps', 'ConfigMap', { shortNames: ['cm'], storageVersionHash: 'qFsyl6wFWjQ=' }),
  core('endpoints', 'Endpoints', { shortNames: ['ep'], storageVersionHash: 'fWeeMqaN/OA=' }),
  core('events', 'Event', { shortNames: ['ev'], storageVersionHash: 'r2yiGXH7wu8=', fieldLabels: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'] }),
  core('namespaces', 'Namespace', {
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    shortNames: ['ns'],
    storageVersionHash: 'Q3oi5N2YM8M=',
    subresources: [STATUS],
    fieldLabels: ['status.phase'],
    hooks: NAMESPACE_HOOKS,
  }),
  core('nodes', 'Node', { namespaced: false, shortNames: ['no'], storageVersionHash: 'XwShjMxG9Fs=', subresources: [STATUS], fieldLabels: ['spec.unschedulable'], hooks: NODE_HOOKS }),
  core('pods', 'Pod', {
    shortNames: ['po'],
    categories: ['all'],
    storageVersionHash: 'xPOwRZ+Yhw8=',
    subresources: [
      { name: 'eviction', verbs: ['create'], group: 'policy', version: 'v1', kind: 'Eviction' },
      { name: 'log', verbs: ['get'] },
      STATUS,
    ],
    fieldLabels: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
    hooks: POD_HOOKS,
  }),
  core('secrets', 'Secret', { storageVersionHash: 'S6u1pOWzb84=', fieldLabels: ['type'], hooks: SECRET_HOOKS }),
  core('serviceaccounts', 'ServiceAccount', { shortNames: ['sa'], storageVersionHash: 'pbx9ZvyFpBE=' }),
  core('services', 'Service', { shortNames: ['svc'], categories: ['all'], storageVersionHash: '0/CO1lhkEBI=', subresources: [STATUS], hooks: SERVICE_HOOKS }),
  {
    group: 'apps', versions: ['v1'], plural: 'daemonsets', kind: 'DaemonSet', namespaced: true, verbs: ALL_VERBS,
    shortNames: ['ds'], categories: ['all'], storageVersionHash: 'dd7pWHUlMKQ=', subresources: [STATUS], generation: true, hooks: DAEMON_SET_HOOKS,
  },
  {
    group: 'apps', versions: ['v1'], plural: 'deployments', kind: 'Deployment', namespaced: true, verbs: ALL_VERBS,
    shortNames: ['deploy'], categories: ['all'], storageVersionHash: '8aSe+NMegvE=', generation: true,
    subresources: [{ name: 'scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1', kind: 'Scale' }, STATUS], hooks: DEPLOYMENT_HOOKS,
  },
  {
    group: 'apps', versions: ['v1'], plural: 'replicasets', kind: 'ReplicaSet', namespaced: true, verbs: ALL_VERBS,
    shortNames: ['rs'], categories: ['all'], storageVersionHash: 'P1RzHs8/mWQ=', subresources: [STATUS], generation: true, hooks: REPLICA_SET_HOOKS,
  },
  {
    group: 'events.k8s.io', versions: ['v1'], plural: 'events', kind: 'Event', namespaced: true, verbs: ALL_VERBS,
    shortNames: ['ev'], storageVersionHash: 'r2yiGXH7wu8=', subresources: [], fieldLabels: EVENTS_V1_FIELD_LABELS, view: EVENTS_V1_VIEW,
  },
  {
    group: 'policy', versions: ['v1', 'v1beta1'], plural: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, verbs: ALL_VERBS,
    shortNames: ['pdb'], storageVersionHash: '6BGBu0kpHtk=', subresources: [STATUS], generation: true, hooks: POD_DISRUPTION_BUDGET_HOOKS,
  },
  {
    group: 'discovery.k8s.io', versions: ['v1'], plural: 'endpointslices', kind: 'EndpointSlice', namespaced: true, verbs: ALL_VERBS,
    storageVersionHash: 'qgS0xkrxYAI=', subresources: [],
  },
  {
    group: 'coordination.k8s.io', versions: ['v1'], plural: 'leases', kind: 'Lease', namespaced: true, verbs: ALL_VERBS,
    storageVersionHash: 'gqkMMb/YqFM=', subresources: [],
  },
  ...(
    [
      ['destinationrules', 'DestinationRule', 'dr', 'RzP0ejj0QFo='],
      ['gateways', 'Gateway', 'gw', 'kYYO9dTnnoY='],
      ['virtualservices', 'VirtualService', 'vs', '4myxAxwji4I='],
    ] as const
  ).map(([plural, kind, shortName, hash]): ResourceDefinition => ({
    group: 'networking.istio.io', versions: ISTIO_VERSIONS, plural, kind, namespaced: true, verbs: CRD_VERBS,
    shortNames: [shortName], categories: ISTIO_CATEGORIES, storageVersionHash: hash, subresources: [STATUS], custom: true, generation: true,
  })),
]

/** Served groups with their versions, preferred first, in the order /apis lists them. */
export const API_GROUPS: { name: string; versions: string[] }[] = [
  { name: 'apps', versions: ['v1'] },
  { name: 'events.k8s.io', versions: ['v1'] },
  { name: 'policy', versions: ['v1', 'v1beta1'] },
  { name: 'coordination.k8s.io', versions: ['v1'] },
  { name: 'discovery.k8s.io', versions: ['v1'] },
  { name: 'networking.istio.io', versions: ISTIO_VERSIONS },
]

/** The resources that own stored objects (a view serves another one's). */
export const STORED_RESOURCES: ResourceDefinition[] = RESOURCES.filter((resource) => !resource.view)

export const findResource = (group: string, version: string, plural: string): ResourceDefinition | undefined =>
  RESOURCES.find((resource) => resource.group === group && resource.plural === plural && resource.versions.includes(version))

export const isServedGroupVersion = (group: string, version: string): boolean =>
  group === '' ? version === 'v1' : API_GROUPS.some((served) => served.name === group && served.versions.includes(version))

export const isServedGroup = (group: string): boolean => API_GROUPS.some((served) => served.name === group)

/** The resource whose objects are of `kind` (each kind is served by one resource). */
export const findResourceOfKind = (kind: string): ResourceDefinition | undefined => RESOURCES.find((resource) => resource.kind === kind)
