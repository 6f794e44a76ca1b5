// PATCH application/apply-patch+yaml: server-side apply with field ownership, conflicts (409) and force.
import { parse as parseYaml } from 'yaml'
import type { KubeObject } from '../../store/kube-object.js'
import type { Store } from '../../store/store.js'
import { kindSchema, type Schema } from '../field-validation/kind-schemas.js'
import { pruneUnknownFields } from '../field-validation/prune-unknown-fields.js'
import { presentObject } from '../present-object.js'
import { apiVersionOf, storeKey, type ResourceDefinition } from '../../registry/resource-definition.js'
import { ApiError, badRequest, failure } from '../../registry/status.js'
import { createObject, replaceObject, type WriteOptions } from '../../registry/write-objects.js'
import { setManagedFields } from './record-managers.js'
import { fieldSetOf, keyPath, toFieldsV1, type Resolve } from './field-paths.js'
import { ownedFieldsOf, withOwnership, type FieldManager, type ManagedFieldsEntry, type OwnedFields } from './managed-fields.js'
import { mergeApplied } from './merge-applied.js'
import { printPath, removeAtPath, valueAtPath } from './value-at-path.js'

export interface ApplyRequest {
  resource: ResourceDefinition
  version: string
  namespace: string | undefined
  name: string
  body: string
  manager: string
  force: boolean
  write: WriteOptions
}

interface Conflict {
  owner: ManagedFieldsEntry
  path: string[]
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const parseApplied = (text: string): Record<string, unknown> => {
  let value: unknown
  try {
    value = parseYaml(text) as unknown
  } catch (error) {
    throw badRequest(`error decoding YAML: ${(error as Error).message}`)
  }
  if (!isObject(value)) throw badRequest(`json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`)
  return value
}

const printManager = (entry: ManagedFieldsEntry): string => {
  const name = `${JSON.stringify(entry.manager)}${entry.subresource ? ` with subresource ${JSON.stringify(entry.subresource)}` : ''}`
  return entry.operation === 'Update' ? `${name} using ${entry.apiVersion}` : name
}

/** The 409 structured-merge-diff answers, worded as kube-apiserver's fieldmanager prints it. */
const conflictError = (conflicts: Conflict[]): ApiError => {
  const causes = conflicts.map(({ owner, path }) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(owner)}`, field: printPath(path) }))
  let message: string
  if (conflicts.length === 1) message = `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0]!.owner)}: ${printPath(conflicts[0]!.path)}`
  else {
    const byManager = new Map<string, string[]>()
    for (const { owner, path } of conflicts) byManager.set(printManager(owner), [...(byManager.get(printManager(owner)) ?? []), printPath(path)])
    const lines = [...byManager.keys()].sort().flatMap((manager) => [`conflicts with ${manager}:`, ...byManager.get(manager)!.map((path) => `- ${path}`)])
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`
  }
  return new ApiError(failure(409, 'Conflict', message, { causes }))
}

const findConflicts = (owners: OwnedFields[], manager: FieldManager, applied: Set<string>, appliedObject: unknown, live: unknown): Conflict[] => {
  const conflicts: Conflict[] = []
  for (const key of applied) {
    const path = keyPath(key)
    if (path.at(-1) === '.' || JSON.stringify(valueAtPath(appliedObject, path)) === JSON.stringify(valueAtPath(live, path))) continue
    for (const owner of owners) {
      if (owner.entry.manager === manager.name && owner.entry.operation === 'Apply') continue
      if (owner.fields.has(key)) conflicts.push({ owner: owner.entry, path })
    }
  }
  return conflicts
}

const schemaOf = (resource: ResourceDefinition, version: string): { root: Schema; resolve: Resolve } =>
  kindSchema(resource.group, version, resource.kind) ?? { root: { 'x-kubernetes-preserve-unknown-fields': true }, resolve: (schema) => schema }

/** Applies `body` for `manager`; returns the stored object and whether it was created (201) rather than changed (200). */
export const applyObject = (store: Store, request: ApplyRequest): { object: KubeObject; created: boolean } => {
  const { resource, version, namespace, name } = request
  const applied = parseApplied(request.body)
  const apiVersion = apiVersionOf(resource.group, version)
  const { root, resolve } = schemaOf(resource, version)
  const unknown = pruneUnknownFields(structuredClone(applied), root, resolve)
  if (unknown.length > 0) {
    const problems = unknown.map((path) => `.${path.replace(/\[\d+\]/g, '')}: field not declared in schema`)
    throw badRequest(`failed to create typed patch object (${namespace ? `${namespace}/` : ''}${name}; ${apiVersion}, Kind=${resource.kind}): ${problems.length === 1 ? problems[0] : `errors:\n  ${problems.join('\n  ')}`}`)
  }
  const metadata = isObject(applied.metadata) ? applied.metadata : {}
  if (metadata.name !== undefined && metadata.name !== name) throw badRequest(`the name of the object (${typeof metadata.name === 'string' ? metadata.name : JSON.stringify(metadata.name)}) does not match the name on the URL (${name})`)
  const object = { ...applied, apiVersion, kind: resource.kind, metadata: { ...metadata, name, ...(resource.namespaced ? { namespace } : {}) } } as KubeObject
  const manager: FieldManager = { name: request.manager, operation: 'Apply', apiVersion }
  const appliedFields = fieldSetOf(object, root, resolve)
  const live = store.get(storeKey(resource), namespace, name)
  if (!live) {
    const managedFields = withOwnership([], manager, appliedFields, true)
    return { object: createObject(store, resource, object, { ...request.write, recordManagers: setManagedFields(managedFields) }), created: true }
  }
  const current = presentObject(resource, version, live)
  let owners = ownedFieldsOf(current)
  const conflicts = findConflicts(owners, manager, appliedFields, object, current)
  if (conflicts.length > 0 && !request.force) throw conflictError(conflicts)
  const taken = new Set(conflicts.map(({ path }) => path.join('\u0001')))
  owners = owners.map((owner) => ({ ...owner, fields: new Set([...owner.fields].filter((key) => !taken.has(key))) }))
  const previous = owners.find((owner) => owner.entry.manager === manager.name && owner.entry.operation === 'Apply')
  const stillOwned = new Set(owners.filter((owner) => owner !== previous).flatMap((owner) => [...owner.fields]))
  const merged = structuredClone(current) as Record<string, unknown>
  for (const key of [...(previous?.fields ?? [])].reverse()) if (!appliedFields.has(key) && !stillOwned.has(key)) removeAtPath(merged, keyPath(key))
  const next = mergeApplied(merged, object, root, resolve) as KubeObject
  const managedFields = withOwnership(
    owners.map((owner) => ({ ...owner, entry: { ...owner.entry, fieldsV1: toFieldsV1(owner.fields) } })),
    manager,
    appliedFields,
    true,
  )
  return { object: replaceObject(store, resource, name, next, undefined, { ...request.write, recordManagers: setManagedFields(managedFields) }), created: false }
}
