// Service → Endpoints: ready pods as addresses, unready ones as notReadyAddresses; terminating pods drop out.
import type { Store } from '../store/store.js'
import { kubeNow } from './kube-time.js'
import type { Pod } from './kube-types.js'
import { mapSelectorMatches } from './label-selector.js'
import { isPodFinished, isPodReady, isTerminating } from './pod-state.js'
import { startReconcileLoop, type ReconcileLoop } from './reconcile-loop.js'
import { hasSelector, resolvePort, type Service } from './service-ports.js'

const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time'

export const startEndpointsController = (store: Store): ReconcileLoop =>
  startReconcileLoop({
    name: 'endpoints',
    store,
    watch: ['services', 'pods', 'endpoints'],
    reconcile: () => {
      const services = store.list('services') as Service[]
      for (const service of services) {
        if (hasSelector(service) && !isTerminating(service)) syncEndpoints(store, service)
      }
      removeOrphans(store, services)
    },
  })

const address = (pod: Pod) => ({
  ip: String(pod.status?.podIP),
  nodeName: pod.spec.nodeName,
  targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion },
})

const ipOrder = (a: { ip: string }, b: { ip: string }) => {
  const pa = a.ip.split('.').map(Number)
  const pb = b.ip.split('.').map(Number)
  for (let i = 0; i < 4; i += 1) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0)
  return 0
}

const subsetsFor = (service: Service, pods: Pod[]) => {
  const groups = new Map<string, { addresses: ReturnType<typeof address>[]; notReadyAddresses: ReturnType<typeof address>[]; ports: object[] }>()
  for (const pod of pods) {
    const ports = (service.spec.ports ?? []).flatMap((port) => {
      const number = resolvePort(pod, port)
      if (number === undefined) return []
      return [{ ...(port.name ? { name: port.name } : {}), port: number, protocol: port.protocol ?? 'TCP', ...(port.appProtocol ? { appProtocol: port.appProtocol } : {}) }]
    })
    const key = JSON.stringify(ports)
    const group = groups.get(key) ?? { addresses: [], notReadyAddresses: [], ports }
    groups.set(key, group)
    if (isPodReady(pod) || service.spec.publishNotReadyAddresses) group.addresses.push(address(pod))
    else group.notReadyAddresses.push(address(pod))
  }
  return [...groups.values()].map(({ addresses, notReadyAddresses, ports }) => ({
    ...(addresses.length ? { addresses: addresses.sort(ipOrder) } : {}),
    ...(notReadyAddresses.length ? { notReadyAddresses: notReadyAddresses.sort(ipOrder) } : {}),
    ports,
  }))
}

const syncEndpoints = (store: Store, service: Service): void => {
  const namespace = service.metadata.namespace
  const pods = (store.list('pods', namespace) as Pod[]).filter(
    (pod) => mapSelectorMatches(service.spec.selector, pod.metadata.labels) && pod.status?.podIP && !isTerminating(pod) && !isPodFinished(pod),
  )
  const subsets = subsetsFor(service, pods)
  const name = service.metadata.name ?? ''
  const current = store.get('endpoints', namespace, name)
  const labels = service.metadata.labels
  if (current && JSON.stringify(current.subsets ?? []) === JSON.stringify(subsets) && JSON.stringify(current.metadata.labels) === JSON.stringify(labels)) return
  const metadata = {
    ...(current?.metadata ?? { name, namespace }),
    ...(labels ? { labels } : {}),
    annotations: { ...(current?.metadata.annotations ?? {}), [TRIGGER_TIME]: kubeNow() },
  }
  const endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata, ...(subsets.length ? { subsets } : {}) }
  if (current) store.update('endpoints', endpoints)
  else store.create('endpoints', endpoints)
}

/** Endpoints this controller made (they carry the trigger-time annotation) whose Service is gone. */
const removeOrphans = (store: Store, services: Service[]): void => {
  for (const endpoints of store.list('endpoints')) {
    if (!endpoints.metadata.annotations?.[TRIGGER_TIME]) continue
    const exists = services.some((service) => service.metadata.namespace === endpoints.metadata.namespace && service.metadata.name === endpoints.metadata.name)
    if (!exists) store.remove('endpoints', endpoints.metadata.namespace, endpoints.metadata.name ?? '')
  }
}
