// Field errors as apimachinery's field.ErrorList builds them.
import type { Json } from './resource-definition.js'
import type { FieldError } from './status.js'

/** Go's %#v of a value, as apimachinery prints `Invalid value: ...`. */
export const goValue = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${JSON.stringify((value as Json)[key])}`)
    return `map[string]string{${entries.join(', ')}}`
  }
  return String(value)
}

export const invalidValue = (field: string, value: unknown, detail: string): FieldError => ({ field, reason: 'FieldValueInvalid', value: goValue(value), detail })

export const requiredValue = (field: string, detail?: string): FieldError => ({ field, reason: 'FieldValueRequired', ...(detail ? { detail } : {}) })

export const duplicateValue = (field: string, value: unknown): FieldError => ({ field, reason: 'FieldValueDuplicate', value: goValue(value) })

/** A JSON value as a list of objects to check (anything else is an empty list). */
export const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
