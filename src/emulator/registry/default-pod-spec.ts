// Admission defaults for pod specs, standalone and inside workload templates.
import type { Json } from './resource-definition.js'

const API_ACCESS_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
]

/** `Always` for `:latest` or untagged images, `IfNotPresent` otherwise (digests included). */
export const defaultPullPolicy = (image: unknown): string => {
  if (typeof image !== 'string') return 'IfNotPresent'
  if (image.includes('@')) return 'IfNotPresent'
  const lastSegment = image.slice(image.lastIndexOf('/') + 1)
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.lastIndexOf(':') + 1) : ''
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'
}

const defaultContainer = (container: Json): void => {
  for (const port of (container.ports as Json[] | undefined) ?? []) port.protocol ??= 'TCP'
  container.resources ??= {}
  container.terminationMessagePath ??= '/dev/termination-log'
  container.terminationMessagePolicy ??= 'File'
  container.imagePullPolicy ??= defaultPullPolicy(container.image)
}

const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]).filter((item) => typeof item === 'object' && item !== null) : [])

/** Defaults every pod spec gets (templates included). */
export const defaultPodSpec = (spec: Json): void => {
  for (const container of [...asArray(spec.initContainers), ...asArray(spec.containers)]) defaultContainer(container)
  for (const volume of asArray(spec.volumes)) {
    if (volume.configMap && typeof volume.configMap === 'object') (volume.configMap as Json).defaultMode ??= 420
    if (volume.secret && typeof volume.secret === 'object') (volume.secret as Json).defaultMode ??= 420
  }
  spec.restartPolicy ??= 'Always'
  spec.terminationGracePeriodSeconds ??= 30
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.securityContext ??= {}
  spec.schedulerName ??= 'default-scheduler'
}

const qosClass = (spec: Json): string => {
  const containers = [...asArray(spec.initContainers), ...asArray(spec.containers)]
  const resources = containers.map((container) => (container.resources ?? {}) as { requests?: Json; limits?: Json })
  const any = resources.some((r) => Object.keys(r.requests ?? {}).length > 0 || Object.keys(r.limits ?? {}).length > 0)
  if (!any) return 'BestEffort'
  const guaranteed = resources.every((r) =>
    ['cpu', 'memory'].every((name) => r.limits?.[name] !== undefined && (r.requests?.[name] === undefined || r.requests[name] === r.limits[name])),
  )
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

const randomSuffix = () => Array.from({ length: 5 }, () => API_ACCESS_ALPHABET[Math.floor(Math.random() * API_ACCESS_ALPHABET.length)]).join('')

/** What the ServiceAccount, DefaultTolerationSeconds and Priority admission plugins add to a new pod. */
export const admitPod = (pod: Json): void => {
  const spec = (pod.spec ??= {}) as Json
  defaultPodSpec(spec)
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default'
  spec.serviceAccount = spec.serviceAccountName
  if (spec.automountServiceAccountToken !== false) {
    const volumeName = `kube-api-access-${randomSuffix()}`
    spec.volumes = [
      ...asArray(spec.volumes),
      {
        name: volumeName,
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
          defaultMode: 420,
        },
      },
    ]
    for (const container of [...asArray(spec.initContainers), ...asArray(spec.containers)]) {
      container.volumeMounts = [
        ...asArray(container.volumeMounts),
        { name: volumeName, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
      ]
    }
  }
  const tolerations = asArray(spec.tolerations)
  for (const toleration of DEFAULT_TOLERATIONS) {
    if (!tolerations.some((existing) => existing.key === toleration.key && existing.effect === 'NoExecute')) tolerations.push({ ...toleration })
  }
  spec.tolerations = tolerations
  spec.priority ??= 0
  spec.enableServiceLinks ??= true
  spec.preemptionPolicy ??= 'PreemptLowerPriority'
  pod.status = { phase: 'Pending', qosClass: qosClass(spec) }
}

/** Defaults of a workload's `spec.template`: metadata.creationTimestamp null, the pod spec's defaults. */
export const defaultPodTemplate = (spec: Json): void => {
  const podTemplate = spec.template as Json | undefined
  if (!podTemplate || typeof podTemplate !== 'object') return
  const metadata = (podTemplate.metadata ??= {}) as Json
  metadata.creationTimestamp ??= null
  if (podTemplate.spec && typeof podTemplate.spec === 'object') defaultPodSpec(podTemplate.spec as Json)
}
