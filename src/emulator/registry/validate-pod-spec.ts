// The pod spec checks shared by pods and the pod templates of workloads.
import { asArray, duplicateValue, invalidValue, requiredValue } from './field-errors.js'
import { DNS1123_LABEL } from './name-formats.js'
import type { Json } from './resource-definition.js'
import type { FieldError } from './status.js'

const validateContainer = (container: Json, at: string, names: Set<string>, errors: FieldError[]): void => {
  if (!container.name) errors.push(requiredValue(`${at}.name`))
  else if (typeof container.name !== 'string' || !DNS1123_LABEL.pattern.test(container.name)) errors.push(invalidValue(`${at}.name`, container.name, DNS1123_LABEL.message))
  else if (names.has(container.name)) errors.push(duplicateValue(`${at}.name`, container.name))
  names.add(String(container.name))
  if (!container.image) errors.push(requiredValue(`${at}.image`))
  asArray(container.ports).forEach((port, portIndex) => {
    const value = port?.containerPort
    if (typeof value !== 'number' || value < 1 || value > 65535) {
      errors.push(invalidValue(`${at}.ports[${portIndex}].containerPort`, value ?? 0, 'must be between 1 and 65535, inclusive'))
    }
  })
}

/** Adds the field errors of a pod spec found at `path` (`spec`, `spec.template.spec`). */
export const validatePodSpec = (spec: Json | undefined, path: string, errors: FieldError[]): void => {
  const containers = asArray(spec?.containers)
  if (containers.length === 0) {
    errors.push(requiredValue(`${path}.containers`))
    return
  }
  const names = new Set<string>()
  containers.forEach((container, index) => {
    const at = `${path}.containers[${index}]`
    if (!container || typeof container !== 'object') errors.push(requiredValue(`${at}.name`))
    else validateContainer(container, at, names, errors)
  })
}
