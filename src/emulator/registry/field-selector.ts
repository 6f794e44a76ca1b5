// Field selectors: `=`, `==`, `!=` joined by commas, over the few fields each kind indexes.
import type { KubeObject } from '../store/kube-object.js'
import type { ResourceDefinition } from './resource-definition.js'
import { badRequest } from './status.js'

export interface FieldRequirement {
  field: string
  negate: boolean
  value: string
}

const splitTerms = (selector: string): string[] => {
  const terms: string[] = []
  let current = ''
  for (let i = 0; i < selector.length; i += 1) {
    if (selector[i] === '\\' && i + 1 < selector.length) {
      current += selector.slice(i, i + 2)
      i += 1
    } else if (selector[i] === ',') {
      terms.push(current)
      current = ''
    } else {
      current += selector[i]
    }
  }
  terms.push(current)
  return terms
}

const unescape = (value: string) => value.replace(/\\(.)/g, '$1')

/** Parses and checks a field selector against what the resource supports; 400s use the real messages. */
export const parseFieldSelector = (selector: string, resource: ResourceDefinition): FieldRequirement[] => {
  if (selector.trim() === '') return []
  const requirements = splitTerms(selector).map((term): FieldRequirement => {
    for (const [operator, negate] of [['!=', true], ['==', false], ['=', false]] as const) {
      const index = term.indexOf(operator)
      if (index >= 0) return { field: term.slice(0, index), negate, value: unescape(term.slice(index + operator.length)) }
    }
    throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`)
  })
  for (const { field } of requirements) {
    if (field === 'metadata.name' || field === 'metadata.namespace') continue
    if (resource.fieldLabels?.includes(field)) continue
    if (resource.fieldLabels) throw badRequest(`field label not supported: ${field}`)
    throw badRequest(`"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`)
  }
  const renamed = resource.view?.renamedFieldLabels ?? {}
  return requirements.map((requirement) => ({ ...requirement, field: renamed[requirement.field] ?? requirement.field }))
}

const read = (object: KubeObject, path: string): unknown => {
  let value: unknown = object
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined
  return value
}

const text = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value))

const fieldValue = (object: KubeObject, field: string): string => {
  if (field === 'spec.unschedulable') return String(read(object, field) === true)
  if (field === 'spec.hostNetwork') return String(read(object, field) === true)
  if (field === 'status.podIPs') return text(read(object, 'status.podIP') ?? '')
  if (field === 'source') return text(read(object, 'source.component') ?? '')
  if (field === 'metadata.namespace') return object.metadata.namespace ?? ''
  const value = read(object, field)
  return value === undefined || value === null ? '' : text(value)
}

export const matchesFields = (requirements: FieldRequirement[], object: KubeObject): boolean =>
  requirements.every(({ field, negate, value }) => (fieldValue(object, field) === value) !== negate)
