// Service → EndpointSlices (discovery.k8s.io/v1), kept next to the Endpoints as kube-controller-manager 1.32 does:
// IPv4 slices labelled with the Service's name and this controller, owned by the Service, one per port set.
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { desiredSlices, type SliceContent } from './endpoint-slice-content.js'
import type { Node, Pod } from './kube-types.js'
import { mapSelectorMatches } from './label-selector.js'
import { isTerminating } from './pod-state.js'
import { startReconcileLoop, type ReconcileLoop } from './reconcile-loop.js'
import { hasSelector, type Service } from './service-ports.js'

export const ENDPOINT_SLICES = 'discovery.k8s.io/endpointslices'
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
const CONTROLLER_NAME = 'endpointslice-controller.k8s.io'
const HEADLESS_LABEL = 'service.kubernetes.io/headless'

interface EndpointSlice extends KubeObject, SliceContent {
  addressType: string
}

export const startEndpointSliceController = (store: Store): ReconcileLoop =>
  startReconcileLoop({
    name: 'endpointslice',
    store,
    watch: ['services', 'pods', 'nodes', ENDPOINT_SLICES],
    reconcile: () => {
      const services = (store.list('services') as Service[]).filter((service) => hasSelector(service) && !isTerminating(service))
      const nodes = new Map((store.list('nodes') as Node[]).map((node) => [node.metadata.name ?? '', node]))
      const managed = (store.list(ENDPOINT_SLICES) as EndpointSlice[]).filter((slice) => slice.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME)
      for (const service of services) syncSlices(store, service, nodes, managed)
      for (const slice of managed) {
        const owner = services.some((service) => service.metadata.namespace === slice.metadata.namespace && service.metadata.name === slice.metadata.labels?.[SERVICE_NAME_LABEL])
        if (!owner) store.remove(ENDPOINT_SLICES, slice.metadata.namespace, slice.metadata.name ?? '')
      }
    },
  })

/** setEndpointSliceLabels: the Service's own labels, then the two the controller finds its slices by. */
const sliceLabels = (service: Service): Record<string, string> => {
  const labels: Record<string, string> = {}
  for (const [key, value] of Object.entries(service.metadata.labels ?? {})) if (key !== SERVICE_NAME_LABEL && key !== MANAGED_BY_LABEL) labels[key] = value
  if (service.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = ''
  return { ...labels, [SERVICE_NAME_LABEL]: service.metadata.name ?? '', [MANAGED_BY_LABEL]: CONTROLLER_NAME }
}

const sliceOf = (service: Service, content: SliceContent, current?: EndpointSlice): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: {
    ...(current?.metadata ?? { generateName: `${service.metadata.name ?? ''}-`, namespace: service.metadata.namespace, generation: 1 }),
    labels: sliceLabels(service),
    ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: service.metadata.name ?? '', uid: service.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
  },
  addressType: 'IPv4',
  endpoints: content.endpoints,
  ports: content.ports,
})

const sameSlice = (a: EndpointSlice, b: EndpointSlice): boolean =>
  JSON.stringify([a.metadata.labels, a.metadata.ownerReferences, a.endpoints, a.ports]) === JSON.stringify([b.metadata.labels, b.metadata.ownerReferences, b.endpoints, b.ports])

/** Reuses the Service's slices in name order (same port set first), writes only what changed, deletes the rest. */
const syncSlices = (store: Store, service: Service, nodes: Map<string, Node>, managed: EndpointSlice[]): void => {
  const namespace = service.metadata.namespace
  const pods = (store.list('pods', namespace) as Pod[]).filter((pod) => mapSelectorMatches(service.spec.selector, pod.metadata.labels))
  const existing = managed.filter((slice) => slice.metadata.namespace === namespace && slice.metadata.labels?.[SERVICE_NAME_LABEL] === service.metadata.name)
  const unused = new Set(existing)
  const wanted = desiredSlices(service, pods, nodes)
  const reused = wanted.map((content) => {
    const match = [...unused].find((slice) => JSON.stringify(slice.ports) === JSON.stringify(content.ports)) ?? [...unused][0]
    if (match) unused.delete(match)
    return match
  })
  wanted.forEach((content, index) => {
    const current = reused[index]
    const next = sliceOf(service, content, current)
    if (!current) store.create(ENDPOINT_SLICES, next)
    else if (!sameSlice(current, next)) store.update(ENDPOINT_SLICES, next)
  })
  for (const slice of unused) store.remove(ENDPOINT_SLICES, namespace, slice.metadata.name ?? '')
}
