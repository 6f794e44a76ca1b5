/**
 * The kinds that live outside any namespace, among those a manifest may hold: a manifest object of another kind
 * without `metadata.namespace` goes to the default namespace, as with `kubectl apply`.
 *
 * @example
 * if (!isClusterScoped(object.kind)) object.metadata.namespace ??= 'default'
 */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass', 'PriorityClass',
])

export const isClusterScoped = (kind: string): boolean => CLUSTER_SCOPED_KINDS.has(kind)
