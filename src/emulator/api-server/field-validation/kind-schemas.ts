// The OpenAPI v3 schema of each served kind, looked up by group/version/kind in the documents the server publishes.
import { openApiDocuments } from '../openapi/openapi-documents.js'

/** The subset of an OpenAPI v3 schema the field walkers read. */
export interface Schema {
  type?: string
  properties?: Record<string, Schema>
  additionalProperties?: Schema | boolean
  items?: Schema
  allOf?: Schema[]
  $ref?: string
  'x-kubernetes-preserve-unknown-fields'?: boolean
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map'
  'x-kubernetes-list-map-keys'?: string[]
  'x-kubernetes-map-type'?: 'atomic' | 'granular'
}

interface KindSchema {
  root: Schema
  components: Record<string, Schema>
}

type Gvk = { group: string; version: string; kind: string }

let byGvk: Map<string, KindSchema> | undefined

const gvkKey = ({ group, version, kind }: Gvk) => `${group}/${version}/${kind}`

const indexSchemas = (): Map<string, KindSchema> => {
  const index = new Map<string, KindSchema>()
  for (const document of openApiDocuments().v3.values()) {
    const components = (JSON.parse(document.bytes.toString('utf8')) as { components?: { schemas?: Record<string, Schema & { 'x-kubernetes-group-version-kind'?: Gvk[] }> } }).components?.schemas ?? {}
    for (const schema of Object.values(components)) {
      for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) if (!index.has(gvkKey(gvk))) index.set(gvkKey(gvk), { root: schema, components })
    }
  }
  return index
}

/** A resolver of `$ref` / `allOf: [{$ref}]` within one document, and the kind's root schema; undefined for kinds without a published schema. */
export const kindSchema = (group: string, version: string, kind: string): { root: Schema; resolve: (schema: Schema) => Schema } | undefined => {
  byGvk ??= indexSchemas()
  const found = byGvk.get(gvkKey({ group, version, kind }))
  if (!found) return undefined
  const resolve = (schema: Schema): Schema => {
    let current = schema
    for (let depth = 0; depth < 8; depth += 1) {
      const ref = current.$ref ?? (current.allOf?.length === 1 ? current.allOf[0]!.$ref : undefined)
      if (!ref) return current
      current = found.components[ref.slice(ref.lastIndexOf('/') + 1)] ?? {}
    }
    return current
  }
  return { root: found.root, resolve }
}
