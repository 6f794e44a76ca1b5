// Merging an applied configuration into the live object: structs and maps per key, list-maps per item key, sets by value, the rest replaced.
import type { Schema } from '../field-validation/kind-schemas.js'
import { itemSegment, type Resolve } from './field-paths.js'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const mergeList = (live: unknown[], applied: unknown[], schema: Schema, resolve: Resolve): unknown[] => {
  const keys = schema['x-kubernetes-list-map-keys']
  if (schema['x-kubernetes-list-type'] === 'map' && keys && schema.items) {
    const result = [...live]
    const itemSchema = resolve(schema.items)
    for (const item of applied) {
      const index = result.findIndex((existing) => itemSegment(existing, keys, itemSchema) === itemSegment(item, keys, itemSchema))
      if (index >= 0) result[index] = mergeApplied(result[index], item, schema.items, resolve)
      else result.push(item)
    }
    return result
  }
  if (schema['x-kubernetes-list-type'] === 'set') return [...live, ...applied.filter((item) => !live.some((existing) => JSON.stringify(existing) === JSON.stringify(item)))]
  return applied
}

/** `live` with `applied` merged in (neither is modified). */
export const mergeApplied = (live: unknown, applied: unknown, schema: Schema, resolve: Resolve): unknown => {
  const resolved = resolve(schema)
  if (Array.isArray(live) && Array.isArray(applied)) return mergeList(live, applied, resolved, resolve)
  if (!isObject(live) || !isObject(applied) || resolved['x-kubernetes-map-type'] === 'atomic') return structuredClone(applied)
  const result: Record<string, unknown> = { ...live }
  for (const [key, value] of Object.entries(applied)) {
    const child = resolved.properties?.[key] ?? (isObject(resolved.additionalProperties) ? resolved.additionalProperties : {})
    result[key] = key in live ? mergeApplied(live[key], value, child, resolve) : structuredClone(value)
  }
  return result
}
