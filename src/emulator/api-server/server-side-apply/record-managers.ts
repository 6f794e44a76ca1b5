// The managedFields bookkeeping a write hands to the registry: Update writes move changed fields to their manager.
import type { KubeObject } from '../../store/kube-object.js'
import type { ResourceDefinition } from '../../registry/resource-definition.js'
import type { WriteOptions } from '../../registry/write-objects.js'
import { kindSchema } from '../field-validation/kind-schemas.js'
import { recordUpdate, type FieldManager, type ManagedFieldsEntry } from './managed-fields.js'

type RecordManagers = NonNullable<WriteOptions['recordManagers']>

/** The fields an Update write changes become `manager`'s (kinds without a schema keep their managedFields). */
export const recordUpdatesBy =
  (resource: ResourceDefinition, manager: FieldManager): RecordManagers =>
  (before: KubeObject | undefined, after: KubeObject) => {
    const schema = kindSchema(resource.group, manager.apiVersion.split('/').pop()!, resource.kind)
    if (!schema) return
    const updated = recordUpdate(before, after, manager, schema.root, schema.resolve)
    if (updated) after.metadata.managedFields = updated
  }

/** The managedFields server-side apply computed, written as they are. */
export const setManagedFields =
  (entries: ManagedFieldsEntry[]): RecordManagers =>
  (_before: KubeObject | undefined, after: KubeObject) => {
    after.metadata.managedFields = entries
  }
