// metadata.managedFields: who owns which field, updated by apply (Apply) and by every other write (Update).
import type { KubeObject } from '../../store/kube-object.js'
import type { Schema } from '../field-validation/kind-schemas.js'
import { fieldSetOf, fromFieldsV1, keyPath, toFieldsV1, type Resolve } from './field-paths.js'
import { valueAtPath } from './value-at-path.js'
import { kubeNow } from '../../store/kube-time.js'

export interface ManagedFieldsEntry {
  manager: string
  operation: 'Apply' | 'Update'
  apiVersion: string
  time?: string
  fieldsType: 'FieldsV1'
  fieldsV1: Record<string, unknown>
  subresource?: string
}

/** Who writes: the fieldManager (or the User-Agent's product), the operation, the group-version and subresource. */
export interface FieldManager {
  name: string
  operation: 'Apply' | 'Update'
  apiVersion: string
  subresource?: string
}

export interface OwnedFields {
  entry: ManagedFieldsEntry
  fields: Set<string>
}

/** `kubectl` from `kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07`; `unknown` without a User-Agent, as kube-apiserver names managers. */
export const managerFromUserAgent = (userAgent: string | undefined): string => (userAgent ? userAgent.split('/')[0]! : 'unknown')

export const ownedFieldsOf = (object: KubeObject | undefined): OwnedFields[] =>
  ((object?.metadata.managedFields ?? []) as ManagedFieldsEntry[]).map((entry) => ({ entry, fields: fromFieldsV1(entry.fieldsV1) }))

export const isSameManager = (entry: ManagedFieldsEntry, manager: FieldManager): boolean =>
  entry.manager === manager.name && entry.operation === manager.operation && (entry.subresource ?? '') === (manager.subresource ?? '') && (manager.operation === 'Apply' || entry.apiVersion === manager.apiVersion)

/** The entries after `manager` took `fields` (and, for Apply, gave up what it no longer sets); empty entries dropped. */
export const withOwnership = (owners: OwnedFields[], manager: FieldManager, fields: Set<string>, replaceOwn: boolean): ManagedFieldsEntry[] => {
  let own = owners.find((owner) => isSameManager(owner.entry, manager))
  if (!own) {
    own = {
      entry: { manager: manager.name, operation: manager.operation, apiVersion: manager.apiVersion, fieldsType: 'FieldsV1', fieldsV1: {}, ...(manager.subresource ? { subresource: manager.subresource } : {}) },
      fields: new Set(),
    }
    owners = [...owners, own]
  }
  const ownFields = replaceOwn ? new Set(fields) : new Set([...own.fields, ...fields])
  return owners
    .map((owner) => {
      if (owner === own) return { ...owner.entry, apiVersion: manager.apiVersion, time: kubeNow(), fieldsV1: toFieldsV1(ownFields) }
      if (manager.operation === 'Apply') return owner.entry
      const kept = [...owner.fields].filter((key) => !fields.has(key))
      return kept.length === owner.fields.size ? owner.entry : { ...owner.entry, fieldsV1: toFieldsV1(kept) }
    })
    .filter((entry) => Object.keys(entry.fieldsV1).length > 0)
}

/** An Update write: the fields whose value changed between `before` and `after` move to `manager`. */
export const recordUpdate = (before: KubeObject | undefined, after: KubeObject, manager: FieldManager, root: Schema, resolve: Resolve): ManagedFieldsEntry[] | undefined => {
  const withStatus = manager.subresource === 'status'
  const afterFields = fieldSetOf(after, root, resolve, withStatus)
  const changed = new Set(
    [...afterFields].filter((key) => JSON.stringify(valueAtPath(after, keyPath(key))) !== JSON.stringify(before === undefined ? undefined : valueAtPath(before, keyPath(key)))),
  )
  if (changed.size === 0) return undefined
  return withOwnership(ownedFieldsOf(before), manager, changed, false)
}
