// Unknown fields, found and removed by walking an object against its kind's OpenAPI schema.
import type { Schema } from './kind-schemas.js'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

const walk = (value: unknown, schema: Schema, resolve: (schema: Schema) => Schema, path: string, found: string[]): void => {
  const resolved = resolve(schema)
  if (resolved['x-kubernetes-preserve-unknown-fields']) return
  if (Array.isArray(value)) {
    if (resolved.items) value.forEach((item, index) => walk(item, resolved.items!, resolve, `${path}[${index}]`, found))
    return
  }
  if (!isObject(value)) return
  if (resolved.properties) {
    for (const key of Object.keys(value)) {
      const property = resolved.properties[key]
      if (property) walk(value[key], property, resolve, join(path, key), found)
      else if (key.startsWith('$') || isObject(resolved.additionalProperties)) continue
      else {
        found.push(join(path, key))
        delete value[key]
      }
    }
    return
  }
  if (isObject(resolved.additionalProperties)) for (const key of Object.keys(value)) walk(value[key], resolved.additionalProperties, resolve, join(path, key), found)
}

/**
 * Removes from `value` (in place) every field its schema does not declare and returns their paths in the
 * apiserver's notation (`spec.replicass`, `spec.template.spec.containers[0].imagee`).
 * Keys starting with `$` are strategic-merge-patch directives and are left alone.
 */
export const pruneUnknownFields = (value: unknown, root: Schema, resolve: (schema: Schema) => Schema): string[] => {
  const found: string[] = []
  walk(value, root, resolve, '', found)
  return found
}
