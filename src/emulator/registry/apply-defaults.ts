// Defaulting and admission on create, per kind, as the recordings show them.
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { admitPod, defaultPodSpec } from './default-pod-spec.js'

type Json = Record<string, unknown>

const template = (spec: Json): void => {
  const podTemplate = spec.template as Json | undefined
  if (!podTemplate || typeof podTemplate !== 'object') return
  const metadata = (podTemplate.metadata ??= {}) as Json
  metadata.creationTimestamp ??= null
  if (podTemplate.spec && typeof podTemplate.spec === 'object') defaultPodSpec(podTemplate.spec as Json)
}

const nextClusterIp = (store: Store): string => {
  const used = new Set(store.list('services').flatMap((service) => ((service.spec as Json | undefined)?.clusterIPs as string[] | undefined) ?? []))
  for (let n = 10; n < 65_000; n += 1) {
    const ip = `10.96.${Math.floor(n / 256)}.${n % 256}`
    if (!used.has(ip)) return ip
  }
  throw new Error('service IP range 10.96.0.0/16 is exhausted')
}

const nextNodePort = (store: Store): number => {
  const used = new Set(
    store.list('services').flatMap((service) => (((service.spec as Json | undefined)?.ports as Json[] | undefined) ?? []).map((port) => port.nodePort)),
  )
  for (let port = 30000; port <= 32767; port += 1) if (!used.has(port)) return port
  throw new Error('node port range 30000-32767 is exhausted')
}

const defaultService = (service: Json, store: Store): void => {
  const spec = (service.spec ??= {}) as Json
  spec.type ??= 'ClusterIP'
  for (const port of (spec.ports as Json[] | undefined) ?? []) {
    port.protocol ??= 'TCP'
    port.targetPort ??= port.port
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') port.nodePort ??= nextNodePort(store)
  }
  if (spec.type !== 'ExternalName') {
    spec.clusterIP ??= (spec.clusterIPs as string[] | undefined)?.[0] ?? nextClusterIp(store)
    spec.clusterIPs ??= [spec.clusterIP]
    spec.ipFamilies ??= ['IPv4']
    spec.ipFamilyPolicy ??= 'SingleStack'
    spec.internalTrafficPolicy ??= 'Cluster'
  }
  spec.sessionAffinity ??= 'None'
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster'
  service.status = { loadBalancer: {} }
}

const DEFAULTERS: Record<string, (object: Json, store: Store) => void> = {
  Pod: (pod) => admitPod(pod),
  Deployment: (deployment) => {
    const spec = (deployment.spec ??= {}) as Json
    spec.replicas ??= 1
    template(spec)
    const strategy = (spec.strategy ??= {}) as Json
    strategy.type ??= 'RollingUpdate'
    if (strategy.type === 'RollingUpdate') {
      const rolling = (strategy.rollingUpdate ??= {}) as Json
      rolling.maxUnavailable ??= '25%'
      rolling.maxSurge ??= '25%'
    }
    spec.revisionHistoryLimit ??= 10
    spec.progressDeadlineSeconds ??= 600
    deployment.status = {}
  },
  ReplicaSet: (replicaSet) => {
    const spec = (replicaSet.spec ??= {}) as Json
    spec.replicas ??= 1
    template(spec)
    replicaSet.status = { replicas: 0 }
  },
  DaemonSet: (daemonSet) => {
    const spec = (daemonSet.spec ??= {}) as Json
    template(spec)
    const strategy = (spec.updateStrategy ??= {}) as Json
    strategy.type ??= 'RollingUpdate'
    if (strategy.type === 'RollingUpdate') {
      const rolling = (strategy.rollingUpdate ??= {}) as Json
      rolling.maxUnavailable ??= 1
      rolling.maxSurge ??= 0
    }
    spec.revisionHistoryLimit ??= 10
    daemonSet.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }
  },
  Service: defaultService,
  Namespace: (namespace) => {
    const metadata = namespace.metadata as Json
    metadata.labels = { ...(metadata.labels as Json | undefined), 'kubernetes.io/metadata.name': metadata.name }
    namespace.spec = { finalizers: ['kubernetes'] }
    namespace.status = { phase: 'Active' }
  },
  PodDisruptionBudget: (pdb) => {
    pdb.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }
  },
  Secret: (secret) => {
    secret.type ??= 'Opaque'
    if (secret.stringData && typeof secret.stringData === 'object') {
      const data = (secret.data ??= {}) as Json
      for (const [key, value] of Object.entries(secret.stringData as Json)) data[key] = Buffer.from(String(value)).toString('base64')
      delete secret.stringData
    }
  },
}

/**
 * Fills the defaults kube-apiserver's registry and admission plugins add on create (mutates `object`).
 * Controllers that write to the Store directly should call this too, so their objects look like real ones.
 */
export const applyCreateDefaults = (object: KubeObject, store: Store): void => {
  DEFAULTERS[object.kind]?.(object, store)
}

/** Defaults that are re-applied on every update (a merge patch that drops a list gets it defaulted again). */
export const applyUpdateDefaults = (object: KubeObject): void => {
  const spec = object.spec as Json | undefined
  if (!spec || typeof spec !== 'object') return
  if (object.kind === 'Pod') defaultPodSpec(spec)
  if (['Deployment', 'ReplicaSet', 'DaemonSet'].includes(object.kind)) template(spec)
  if (object.kind === 'Service') for (const port of (spec.ports as Json[] | undefined) ?? []) port.protocol ??= 'TCP'
}
