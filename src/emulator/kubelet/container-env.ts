// A container's environment as a kubelet builds it: envFrom ConfigMaps and Secrets, then env (values and references).
import type { Container, Pod } from '../controllers/kube-types.js'
import type { Store } from '../store/store.js'
import type { ServiceLink } from '../workloads/program.js'

interface KeyRef {
  name?: string
  key: string
  optional?: boolean
}

interface EnvVar {
  name: string
  value?: string
  valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef; fieldRef?: { fieldPath: string } }
}

interface EnvFromSource {
  prefix?: string
  configMapRef?: { name?: string; optional?: boolean }
  secretRef?: { name?: string; optional?: boolean }
}

/** The container cannot be configured (a missing ConfigMap or Secret): `CreateContainerConfigError`. */
export class ContainerConfigError extends Error {}

type Source = 'configmap' | 'secret'

const dataOf = (store: Store, source: Source, namespace: string, name: string, optional: boolean | undefined): Record<string, string> | undefined => {
  const object = store.get(source === 'configmap' ? 'configmaps' : 'secrets', namespace, name)
  if (!object) {
    if (optional) return undefined
    throw new ContainerConfigError(`${source} "${name}" not found`)
  }
  const data = (object.data ?? {}) as Record<string, string>
  return source === 'secret' ? Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')])) : data
}

const fieldOf = (pod: Pod, path: string): string => {
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName as string | undefined,
    'status.podIP': pod.status?.podIP as string | undefined,
    'status.hostIP': pod.status?.hostIP as string | undefined,
  }
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path)
  if (label) return (label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2]!] ?? ''
  return fields[path] ?? ''
}

const refValue = (store: Store, pod: Pod, source: Source, ref: KeyRef): string | undefined => {
  const data = dataOf(store, source, pod.metadata.namespace ?? 'default', ref.name ?? '', ref.optional)
  if (data && ref.key in data) return data[ref.key]
  if (ref.optional) return undefined
  throw new ContainerConfigError(data ? `couldn't find key ${ref.key} in ${source === 'secret' ? 'Secret' : 'ConfigMap'} ${pod.metadata.namespace}/${ref.name}` : `${source} "${ref.name}" not found`)
}

/** `envFrom` (in order, with prefixes), then `env` (later entries win); `$(VAR)` references are left as written. */
export const containerEnvOf = (store: Store, pod: Pod, container: Container): Record<string, string> => {
  const env: Record<string, string> = {}
  const namespace = pod.metadata.namespace ?? 'default'
  for (const from of (container.envFrom as EnvFromSource[] | undefined) ?? []) {
    const source: Source = from.secretRef ? 'secret' : 'configmap'
    const ref = from.secretRef ?? from.configMapRef
    const data = ref ? dataOf(store, source, namespace, ref.name ?? '', ref.optional) : undefined
    for (const [key, value] of Object.entries(data ?? {})) env[`${from.prefix ?? ''}${key}`] = value
  }
  const entries: EnvVar[] = container.env ?? []
  for (const entry of entries) {
    const { configMapKeyRef, secretKeyRef, fieldRef } = entry.valueFrom ?? {}
    const value = configMapKeyRef ? refValue(store, pod, 'configmap', configMapKeyRef)
      : secretKeyRef ? refValue(store, pod, 'secret', secretKeyRef)
      : fieldRef ? fieldOf(pod, fieldRef.fieldPath)
      : entry.value ?? ''
    if (value !== undefined) env[entry.name] = value
  }
  return env
}

/** The Services a container started now sees: those of its namespace with a cluster IP, TCP ports only; none with `enableServiceLinks: false`. */
export const serviceLinksOf = (store: Store, pod: Pod): ServiceLink[] => {
  if (pod.spec.enableServiceLinks === false) return []
  const namespace = pod.metadata.namespace ?? 'default'
  return store.list('services', namespace).flatMap((service) => {
    const spec = (service.spec ?? {}) as { clusterIP?: string; type?: string; ports?: { name?: string; port: number; protocol?: string }[] }
    if (spec.type === 'ExternalName' || spec.clusterIP === 'None') return []
    const ports = (spec.ports ?? []).filter((port) => (port.protocol ?? 'TCP') === 'TCP').map((port) => ({ ...(port.name ? { name: port.name } : {}), port: port.port, protocol: 'TCP' }))
    return ports.length ? [{ name: service.metadata.name ?? '', namespace, ports }] : []
  })
}
