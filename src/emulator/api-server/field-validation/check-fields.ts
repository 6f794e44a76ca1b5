// fieldValidation=Strict|Warn|Ignore: unknown and duplicate fields refused, warned about or dropped, with the apiserver's texts.
import type { ServerResponse } from 'node:http'
import type { ResourceDefinition } from '../../registry/resource-definition.js'
import { apiVersionOf } from '../../registry/resource-definition.js'
import { ApiError, badRequest, failure } from '../../registry/status.js'
import { findDuplicateFields } from './find-duplicate-fields.js'
import { formatGoValue } from './format-go-value.js'
import { kindSchema } from './kind-schemas.js'
import { pruneUnknownFields } from './prune-unknown-fields.js'

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

const DIRECTIVES: FieldValidation[] = ['Strict', 'Warn', 'Ignore']

/** The request's directive; Warn when absent, as kube-apiserver defaults it since 1.27. */
export const fieldValidationOf = (query: URLSearchParams): FieldValidation => {
  const value = query.get('fieldValidation')
  if (value === null || value === '') return 'Warn'
  const directive = DIRECTIVES.find((entry) => entry.toLowerCase() === value.toLowerCase())
  if (!directive) throw badRequest(`fieldValidation parameter unsupported: ${JSON.stringify(value)}; must be one of Strict, Warn or Ignore`)
  return directive
}

const problemTexts = (unknown: string[], duplicate: string[]) => [...duplicate.map((path) => `duplicate field "${path}"`), ...unknown.map((path) => `unknown field "${path}"`)]

const findProblems = (resource: ResourceDefinition, version: string, value: unknown, text: string | undefined, directive: FieldValidation): string[] => {
  const schema = kindSchema(resource.group, version, resource.kind)
  const unknown = schema ? pruneUnknownFields(value, schema.root, schema.resolve) : []
  const duplicate = directive !== 'Ignore' && text !== undefined && text.trimStart().startsWith('{') ? findDuplicateFields(text) : []
  return directive === 'Ignore' ? [] : problemTexts(unknown, duplicate)
}

/**
 * Checks (and strips) the fields of a created or replaced object; returns the warnings for Warn,
 * throws the 400 a real server answers for Strict.
 */
export const checkObjectFields = (resource: ResourceDefinition, version: string, object: unknown, text: string | undefined, directive: FieldValidation): string[] => {
  const problems = findProblems(resource, version, object, text, directive)
  if (problems.length > 0 && directive === 'Strict') {
    const bodyVersion = apiVersionOf(resource.group, version).split('/').pop()
    throw badRequest(`${resource.kind} in version ${JSON.stringify(bodyVersion)} cannot be handled as a ${resource.kind}: strict decoding error: ${problems.join(', ')}`)
  }
  return problems
}

/**
 * Checks (and strips) the fields a merge or strategic-merge patch sets; Strict answers the 422
 * ` "" is invalid: patch: Invalid value: "map[…]": strict decoding error: …` of kubectl's recording 12.
 */
export const checkPatchFields = (resource: ResourceDefinition, version: string, patch: unknown, text: string, directive: FieldValidation): string[] => {
  const original = directive === 'Strict' ? formatGoValue(structuredClone(patch)) : ''
  const problems = findProblems(resource, version, patch, text, directive)
  if (problems.length > 0 && directive === 'Strict') {
    const message = `Invalid value: ${JSON.stringify(original)}: strict decoding error: ${problems.join(', ')}`
    throw new ApiError(failure(422, 'Invalid', ` "" is invalid: patch: ${message}`, { causes: [{ reason: 'FieldValueInvalid', message, field: 'patch' }] }))
  }
  return problems
}

/** Sets one `Warning: 299 - "unknown field \"spec.replicass\""` header per problem, before the answer is written. */
export const sendWarnings = (response: ServerResponse, warnings: string[]): void => {
  if (warnings.length > 0) response.setHeader('Warning', warnings.map((warning) => `299 - ${JSON.stringify(warning)}`))
}
