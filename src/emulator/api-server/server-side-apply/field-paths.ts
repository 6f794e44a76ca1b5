// Field sets in managedFields' FieldsV1 notation (`f:spec`, `k:{"name":"app"}`, `v:"x"`, `.`), computed against the kind's schema.
import type { Schema } from '../field-validation/kind-schemas.js'

/** One path: its segments in FieldsV1 notation. */
export type FieldPath = string[]
export type Resolve = (schema: Schema) => Schema

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export const pathKey = (path: FieldPath): string => path.join('\u0001')
export const keyPath = (key: string): FieldPath => key.split('\u0001')

/** `k:{"containerPort":8080,"protocol":"TCP"}` for a list-map item: its key fields in the schema's order, absent ones defaulted. */
export const itemSegment = (item: unknown, keys: string[], itemSchema?: Schema): string =>
  `k:${JSON.stringify(Object.fromEntries(keys.map((key) => [key, (isObject(item) ? item[key] : undefined) ?? (itemSchema?.properties?.[key] as { default?: unknown } | undefined)?.default])))}`

const walk = (value: unknown, schema: Schema, resolve: Resolve, path: FieldPath, into: Set<string>): void => {
  const resolved = resolve(schema)
  if (Array.isArray(value)) {
    const keys = resolved['x-kubernetes-list-map-keys']
    if (resolved['x-kubernetes-list-type'] === 'map' && keys && resolved.items) {
      for (const item of value) {
        const itemPath = [...path, itemSegment(item, keys, resolve(resolved.items))]
        into.add(pathKey([...itemPath, '.']))
        walk(item, resolved.items, resolve, itemPath, into)
      }
    } else if (resolved['x-kubernetes-list-type'] === 'set') {
      for (const item of value) into.add(pathKey([...path, `v:${JSON.stringify(item)}`]))
    } else into.add(pathKey(path))
    return
  }
  const granular = resolved['x-kubernetes-map-type'] !== 'atomic' && (resolved.properties || isObject(resolved.additionalProperties) || resolved['x-kubernetes-preserve-unknown-fields'] || resolved.type === undefined)
  if (!isObject(value) || !granular || Object.keys(value).length === 0) {
    into.add(pathKey(path))
    return
  }

  for (const [key, item] of Object.entries(value)) {
    const child = resolved.properties?.[key] ?? (isObject(resolved.additionalProperties) ? resolved.additionalProperties : {})
    walk(item, child, resolve, [...path, `f:${key}`], into)
  }
}

const OWNED_METADATA = ['labels', 'annotations', 'finalizers', 'ownerReferences']

/** The fields an object sets, without identity (apiVersion, kind, name, namespace) and server-owned metadata. */
export const fieldSetOf = (object: Record<string, unknown>, root: Schema, resolve: Resolve, withStatus = false): Set<string> => {
  const { apiVersion: _apiVersion, kind: _kind, metadata, status, ...rest } = object
  const owned = isObject(metadata) ? Object.fromEntries(OWNED_METADATA.filter((key) => key in metadata).map((key) => [key, metadata[key]])) : {}
  const value = { ...rest, ...(Object.keys(owned).length > 0 ? { metadata: owned } : {}), ...(withStatus && status !== undefined ? { status } : {}) }
  const into = new Set<string>()
  if (Object.keys(value).length > 0) walk(value, root, resolve, [], into)
  into.delete(pathKey([]))
  return into
}

/** `{"f:spec":{"f:replicas":{}}}` from a set of paths. */
export const toFieldsV1 = (paths: Iterable<string>): Record<string, unknown> => {
  const tree: Record<string, unknown> = {}
  for (const key of paths) {
    let node = tree
    for (const segment of keyPath(key)) node = (node[segment] ??= {}) as Record<string, unknown>
  }
  return tree
}

/** The paths of a FieldsV1 tree: every route to an empty node. */
export const fromFieldsV1 = (tree: unknown, prefix: FieldPath = [], into = new Set<string>()): Set<string> => {
  if (!isObject(tree)) return into
  for (const [segment, child] of Object.entries(tree)) {
    if (isObject(child) && Object.keys(child).length > 0) fromFieldsV1(child, [...prefix, segment], into)
    else into.add(pathKey([...prefix, segment]))
  }
  return into
}
