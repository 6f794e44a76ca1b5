import { parseAllDocuments } from 'yaml'
import { type KubeObject, type ResourceKey, resourceKey } from '../../store/kube-object.js'

/** Where manifests go: the Store itself, or a wrapper that applies API-server defaulting first. */
export interface ManifestTarget {
  get(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined
  create(key: ResourceKey, object: KubeObject): KubeObject
  update(key: ResourceKey, object: KubeObject): KubeObject
}

const IRREGULAR_PLURALS: Record<string, string> = { Endpoints: 'endpoints', Ingress: 'ingresses', NetworkPolicy: 'networkpolicies' }
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass', 'PriorityClass'])

/** `apps/v1` + `Deployment` → `apps/deployments`; `networking.istio.io/v1` + `Gateway` → `networking.istio.io/gateways`. */
export const manifestResourceKey = (apiVersion: string, kind: string): ResourceKey => {
  const group = apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : ''
  return resourceKey(group, IRREGULAR_PLURALS[kind] ?? `${kind.toLowerCase()}s`)
}

const isKubeObject = (value: unknown): value is KubeObject => {
  const object = value as Partial<KubeObject> | null
  return typeof object?.apiVersion === 'string' && typeof object.kind === 'string' && typeof object.metadata?.name === 'string'
}

/**
 * `kubectl apply` for a multi-document YAML text: creates each object, or replaces the spec of one that exists.
 * Namespaced objects without a namespace land in `defaultNamespace`.
 *
 * @example
 * applyManifests(store, await readFile('fixtures/bookinfo/bookinfo.yaml', 'utf8'), { source: 'bookinfo.yaml' })
 */
export const applyManifests = (target: ManifestTarget, yamlText: string, options: { defaultNamespace?: string; source?: string } = {}): KubeObject[] => {
  const applied: KubeObject[] = []
  for (const [index, document] of parseAllDocuments(yamlText).entries()) {
    const where = `${options.source ?? 'manifest'} document ${index + 1}`
    if (document.errors.length) throw new Error(`${where} is not valid YAML: ${document.errors[0]?.message}. Fix the YAML and apply it again.`)
    const value: unknown = document.toJS()
    if (value === null || value === undefined) continue
    if (!isKubeObject(value)) throw new Error(`${where} is not a Kubernetes object: it needs apiVersion, kind and metadata.name.`)
    if (!CLUSTER_SCOPED.has(value.kind)) value.metadata.namespace ??= options.defaultNamespace ?? 'default'
    const key = manifestResourceKey(value.apiVersion, value.kind)
    const existing = target.get(key, value.metadata.namespace, value.metadata.name ?? '')
    applied.push(
      existing
        ? target.update(key, { ...existing, ...value, metadata: { ...existing.metadata, labels: value.metadata.labels, annotations: value.metadata.annotations } })
        : target.create(key, value),
    )
  }
  return applied
}
