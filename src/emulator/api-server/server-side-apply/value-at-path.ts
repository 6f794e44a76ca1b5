// Reading and removing the value a FieldsV1 path points at.
import type { FieldPath } from './field-paths.js'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const matchesItem = (item: unknown, segment: string): boolean => {
  if (segment.startsWith('v:')) return JSON.stringify(item) === segment.slice(2)
  const keys = JSON.parse(segment.slice(2)) as Record<string, unknown>
  const keyCount = Object.keys(keys).length
  // A key field the item leaves out was defaulted in the segment (protocol: TCP); the item still matches on the others.
  return isObject(item) && Object.entries(keys).filter(([key]) => key in item || keyCount === 1).every(([key, value]) => JSON.stringify(item[key]) === JSON.stringify(value))
}

const step = (node: unknown, segment: string): unknown => {
  if (segment === '.') return node
  if (segment.startsWith('f:')) return isObject(node) ? node[segment.slice(2)] : undefined
  return Array.isArray(node) ? node.find((item) => matchesItem(item, segment)) : undefined
}

/** The value at `path`, or undefined when the object does not have it. */
export const valueAtPath = (object: unknown, path: FieldPath): unknown => path.reduce(step, object)

/** Removes the field or list item at `path` (a trailing `.` removes the node that holds it). */
export const removeAtPath = (object: unknown, path: FieldPath): void => {
  const segments = path.at(-1) === '.' ? path.slice(0, -1) : path
  if (segments.length === 0) return
  const parent = valueAtPath(object, segments.slice(0, -1))
  const last = segments.at(-1)!
  if (last.startsWith('f:') && isObject(parent)) delete parent[last.slice(2)]
  else if (Array.isArray(parent)) {
    const index = parent.findIndex((item) => matchesItem(item, last))
    if (index >= 0) parent.splice(index, 1)
  }
}

/** `.spec.template.spec.containers[name="app"].image`: a path as conflict messages print it. */
export const printPath = (path: FieldPath): string =>
  path
    .filter((segment) => segment !== '.')
    .map((segment) => {
      if (segment.startsWith('f:')) return `.${segment.slice(2)}`
      if (segment.startsWith('v:')) return `[=${segment.slice(2)}]`
      const keys = JSON.parse(segment.slice(2)) as Record<string, unknown>
      return `[${Object.entries(keys).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(',')}]`
    })
    .join('')
