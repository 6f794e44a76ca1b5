// The managedFields bookkeeping a write hands to the registry: Update writes move changed fields to their manager.
import type { KubeObject } from '../../store/kube-object.js'
import type { ResourceDefinition } from '../../registry/resource-definition.js'
import type { WriteOptions } from '../../registry/write-objects.js'
import { kindSchema } from '../field-validation/kind-schemas.js'
import { recordUpdate, type FieldManager, type ManagedFieldsEntry } from './managed-fields.js'

type RecordManagers = NonNullable<WriteOptions['recordManagers']>

const isZero = (value: unknown): boolean =>
  value === null || value === '' || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)

/** A converted object's zero fields are the conversion's, not the writer's: the recorded field sets leave them out (recording 144). */
const withoutZeroFields = (object: KubeObject): KubeObject => Object.fromEntries(Object.entries(object).filter(([, value]) => !isZero(value))) as KubeObject

/**
 * The fields an Update write changes become `manager`'s (kinds without a schema keep their managedFields); a view's
 * writes are compared in its own shape, as their field sets name its fields.
 */
export const recordUpdatesBy =
  (resource: ResourceDefinition, manager: FieldManager): RecordManagers =>
  (before: KubeObject | undefined, after: KubeObject) => {
    const schema = kindSchema(resource.group, manager.apiVersion.split('/').pop()!, resource.kind)
    if (!schema) return
    const inOwnShape = (object: KubeObject) => (resource.view ? withoutZeroFields(resource.view.toServed(object)) : object)
    const updated = recordUpdate(before && inOwnShape(before), inOwnShape(after), manager, schema.root, schema.resolve)
    if (updated) after.metadata.managedFields = updated
  }

/** The managedFields server-side apply computed, written as they are. */
export const setManagedFields =
  (entries: ManagedFieldsEntry[]): RecordManagers =>
  (_before: KubeObject | undefined, after: KubeObject) => {
    after.metadata.managedFields = entries
  }
