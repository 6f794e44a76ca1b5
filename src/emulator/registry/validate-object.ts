// Validation of built-in kinds: the 422 field errors the recordings show, in the same order.
import type { KubeObject } from '../store/kube-object.js'
import { invalidValue, requiredValue } from './field-errors.js'
import { DNS1123_SUBDOMAIN } from './name-formats.js'
import type { ResourceDefinition } from './resource-definition.js'
import type { FieldError } from './status.js'

const validateName = (object: KubeObject, format = DNS1123_SUBDOMAIN, errors: FieldError[]): void => {
  const { name, generateName } = object.metadata
  if (!name && !generateName) {
    errors.push(requiredValue('metadata.name', 'name or generateName is required'))
    return
  }
  if (!name) return
  if (name.length > format.maxLength) errors.push(invalidValue('metadata.name', name, `must be no more than ${format.maxLength} characters`))
  if (!format.pattern.test(name)) errors.push(invalidValue('metadata.name', name, format.message))
}

/** Field errors of an object of `resource` (empty when valid): its name, then the kind's own `validate` hook. */
export const validateObject = (resource: ResourceDefinition, object: KubeObject): FieldError[] => {
  const errors: FieldError[] = []
  validateName(object, resource.hooks?.nameFormat, errors)
  resource.hooks?.validate?.(object, errors)
  return errors
}
