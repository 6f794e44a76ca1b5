// Strategic merge patch for built-in kinds: lists with a merge key merge item by item, as apimachinery does.

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

// the patchMergeKey of a list field, by its name (k8s.io/api's struct tags)
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  conditions: 'type',
  taints: 'key',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  ports: 'containerPort',
}
const PRIMITIVE_MERGE_LISTS = new Set(['finalizers'])

/** A list field whose merge key depends on the kind or on where the list is; looked up before `MERGE_KEYS`. */
interface PlacedMergeKey {
  field: string
  kind?: string
  /** The list's full path, dot-joined. */
  path?: string
  /** The list's top-level field. */
  under?: string
  mergeKey: string
}

const PLACED_MERGE_KEYS: readonly PlacedMergeKey[] = [
  // ServiceSpec.ports; a container's ports merge by containerPort
  { field: 'ports', kind: 'Service', path: 'spec.ports', mergeKey: 'port' },
  // NodeStatus.addresses; elsewhere (an EndpointSlice's endpoints) the list is replaced
  { field: 'addresses', under: 'status', mergeKey: 'type' },
]

const isPlacedAt = (placed: PlacedMergeKey, kind: string, path: string[]): boolean =>
  placed.field === path.at(-1) &&
  (placed.kind === undefined || placed.kind === kind) &&
  (placed.path === undefined || placed.path === path.join('.')) &&
  (placed.under === undefined || placed.under === path[0])

/** The merge key of a list, from its field name and owning kind; undefined means "replace the list". */
const mergeKeyFor = (kind: string, path: string[]): string | undefined => {
  const placed = PLACED_MERGE_KEYS.find((candidate) => isPlacedAt(candidate, kind, path))
  return placed ? placed.mergeKey : MERGE_KEYS[path.at(-1)!]
}

const stripDirectives = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.filter((item) => !(isObject(item) && item.$patch === 'delete')).map(stripDirectives)
  if (!isObject(value)) return value
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('$')).map(([key, item]) => [key, stripDirectives(item)]))
}

const mergeList = (kind: string, path: string[], original: unknown, patch: unknown[], mergeKey: string): unknown[] => {
  const server: unknown[] = Array.isArray(original) ? (original as unknown[]) : []
  const keyOf = (item: unknown): unknown => (isObject(item) ? item[mergeKey] : undefined)
  const deleted = new Set(patch.filter((item) => isObject(item) && item.$patch === 'delete').map(keyOf))
  const patched: unknown[] = []
  for (const item of patch) {
    if (isObject(item) && item.$patch === 'delete') continue
    const match: unknown = (server).find((existing) => keyOf(existing) !== undefined && keyOf(existing) === keyOf(item))
    patched.push(match === undefined ? stripDirectives(item) : mergeObject(kind, path, match, item as Json))
  }
  const patchKeys = new Set(patch.map(keyOf))
  const serverOnly = server.filter((item) => !patchKeys.has(keyOf(item)) && !deleted.has(keyOf(item)))
  // apimachinery's mergeSortedSlice: a patch item the server does not know goes before the next server-only item.
  const serverIndex = (item: unknown) => server.findIndex((existing) => keyOf(existing) === keyOf(item))
  const result: unknown[] = []
  let i = 0
  let j = 0
  while (i < serverOnly.length || j < patched.length) {
    if (j >= patched.length) result.push(serverOnly[i++])
    else if (i >= serverOnly.length) result.push(patched[j++])
    else {
      const left = serverIndex(serverOnly[i])
      const right = serverIndex(patched[j])
      if (left >= 0 && right >= 0 && left < right) result.push(serverOnly[i++])
      else result.push(patched[j++])
    }
  }
  return result
}

const mergeObject = (kind: string, path: string[], original: unknown, patch: Json): unknown => {
  if (patch.$patch === 'replace') return stripDirectives(patch)
  const result: Json = isObject(original) ? { ...original } : {}
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue
    const childPath = [...path, key]
    if (value === null) {
      delete result[key]
    } else if (Array.isArray(value)) {
      const mergeKey = mergeKeyFor(kind, childPath)
      if (mergeKey && value.every(isObject)) result[key] = mergeList(kind, childPath, result[key], value, mergeKey)
      else if (PRIMITIVE_MERGE_LISTS.has(key) && Array.isArray(result[key])) result[key] = [...new Set([...(result[key] as unknown[]), ...(value as unknown[])])]
      else result[key] = stripDirectives(value)
    } else if (isObject(value)) {
      result[key] = value.$patch === 'delete' ? undefined : mergeObject(kind, childPath, result[key], value)
      if (result[key] === undefined) delete result[key]
    } else {
      result[key] = value
    }
  }
  return result
}

/** Applies a strategic merge patch to a built-in object of `kind`. */
export const applyStrategicMergePatch = (kind: string, original: unknown, patch: unknown): unknown => {
  if (!isObject(patch)) throw new TypeError('a strategic merge patch must be a JSON object')
  return mergeObject(kind, [], original, patch)
}
