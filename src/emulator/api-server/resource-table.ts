// The one table that drives routing, discovery, storage keys, selectors and defaults.

export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch'

export interface SubresourceDefinition {
  name: 'status' | 'scale' | 'eviction' | 'log'
  verbs: string[]
  /** Discovery entry when it differs from the parent (eviction → policy/v1 Eviction, scale → autoscaling/v1 Scale). */
  group?: string
  version?: string
  kind?: string
}

export interface ResourceDefinition {
  group: string
  /** Served versions, preferred (storage) first. */
  versions: string[]
  plural: string
  kind: string
  namespaced: boolean
  verbs: Verb[]
  shortNames?: string[]
  categories?: string[]
  storageVersionHash: string
  subresources: SubresourceDefinition[]
  /** Custom resource: unstructured JSON, keys sorted, lists keep kind/apiVersion, no strategic merge. */
  custom?: boolean
  /** Field selectors beyond metadata.name / metadata.namespace. */
  fieldLabels?: string[]
  /** Spec writes bump metadata.generation. */
  generation?: boolean
}

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
  }),
  core('nodes', 'Node', { namespaced: false, shortNames: ['no'], storageVersionHash: 'XwShjMxG9Fs=', subresources: [STATUS], fieldLabels: ['spec.unschedulable'] }),
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
  }),
  core('secrets', 'Secret', { storageVersionHash: 'S6u1pOWzb84=', fieldLabels: ['type'] }),
  core('serviceaccounts', 'ServiceAccount', { shortNames: ['sa'], storageVersionHash: 'pbx9ZvyFpBE=' }),
  core('services', 'Service', { shortNames: ['svc'], categories: ['all'], storageVersionHash: '0/CO1lhkEBI=', subresources: [STATUS] }),
  {
    group: 'apps', versions: ['v1'], plural: 'daemonsets', kind: 'DaemonSet', namespaced: true, verbs: ALL_VERBS,
    shortNames: ['ds'], categories: ['all'], storageVersionHash: 'dd7pWHUlMKQ=', subresources: [STATUS], generation: true,
  },
  {
    group: 'apps', versions: ['v1'], plural: 'deployments', kind: 'Deployment', namespaced: true, verbs: ALL_VERBS,
    shortNames: ['deploy'], categories: ['all'], storageVersionHash: '8aSe+NMegvE=', generation: true,
    subresources: [{ name: 'scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1', kind: 'Scale' }, STATUS],
  },
  {
    group: 'apps', versions: ['v1'], plural: 'replicasets', kind: 'ReplicaSet', namespaced: true, verbs: ALL_VERBS,
    shortNames: ['rs'], categories: ['all'], storageVersionHash: 'P1RzHs8/mWQ=', subresources: [STATUS], generation: true,
  },
  {
    group: 'policy', versions: ['v1', 'v1beta1'], plural: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, verbs: ALL_VERBS,
    shortNames: ['pdb'], storageVersionHash: '6BGBu0kpHtk=', subresources: [STATUS], generation: true,
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
  { name: 'policy', versions: ['v1', 'v1beta1'] },
  { name: 'coordination.k8s.io', versions: ['v1'] },
  { name: 'discovery.k8s.io', versions: ['v1'] },
  { name: 'networking.istio.io', versions: ISTIO_VERSIONS },
]

export const findResource = (group: string, version: string, plural: string): ResourceDefinition | undefined =>
  RESOURCES.find((resource) => resource.group === group && resource.plural === plural && resource.versions.includes(version))

export const isServedGroupVersion = (group: string, version: string): boolean =>
  group === '' ? version === 'v1' : API_GROUPS.some((served) => served.name === group && served.versions.includes(version))

export const isServedGroup = (group: string): boolean => API_GROUPS.some((served) => served.name === group)

/** `pods`, `deployments.apps`: how messages name a resource. */
export const qualifiedName = (resource: Pick<ResourceDefinition, 'group' | 'plural'>): string =>
  resource.group ? `${resource.plural}.${resource.group}` : resource.plural

/** The Store key of a resource (`pods`, `apps/deployments`). */
export const storeKey = (resource: Pick<ResourceDefinition, 'group' | 'plural'>): string =>
  resource.group ? `${resource.group}/${resource.plural}` : resource.plural

export const apiVersionOf = (group: string, version: string): string => (group ? `${group}/${version}` : version)
