// Validation of built-in kinds: the 422 field errors the recordings show, in the same order.
import type { KubeObject } from '../store/kube-object.js'
import type { FieldError } from './status.js'

type Json = Record<string, unknown>

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/
const SUBDOMAIN_TEXT =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL_TEXT =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const DNS1035_TEXT =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

/** Go's %#v of a value, as apimachinery prints `Invalid value: ...`. */
export const goValue = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${JSON.stringify((value as Json)[key])}`)
    return `map[string]string{${entries.join(', ')}}`
  }
  return String(value)
}

const invalidValue = (field: string, value: unknown, detail: string): FieldError => ({ field, reason: 'FieldValueInvalid', value: goValue(value), detail })
const required = (field: string, detail?: string): FieldError => ({ field, reason: 'FieldValueRequired', ...(detail ? { detail } : {}) })

const validateName = (object: KubeObject, errors: FieldError[]): void => {
  const { name, generateName } = object.metadata
  if (!name && !generateName) {
    errors.push(required('metadata.name', 'name or generateName is required'))
    return
  }
  if (!name) return
  const [pattern, text, max] =
    object.kind === 'Namespace' ? [LABEL, LABEL_TEXT, 63] : object.kind === 'Service' ? [DNS1035, DNS1035_TEXT, 63] : [SUBDOMAIN, SUBDOMAIN_TEXT, 253]
  if (name.length > max) errors.push(invalidValue('metadata.name', name, `must be no more than ${max} characters`))
  if (!pattern.test(name)) errors.push(invalidValue('metadata.name', name, text))
}

const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])

const validatePodSpec = (spec: Json | undefined, path: string, errors: FieldError[]): void => {
  const containers = asArray(spec?.containers)
  if (containers.length === 0) {
    errors.push(required(`${path}.containers`))
    return
  }
  const names = new Set<string>()
  containers.forEach((container, index) => {
    const at = `${path}.containers[${index}]`
    if (!container || typeof container !== 'object') {
      errors.push(required(`${at}.name`))
      return
    }
    if (!container.name) errors.push(required(`${at}.name`))
    else if (typeof container.name !== 'string' || !LABEL.test(container.name)) errors.push(invalidValue(`${at}.name`, container.name, LABEL_TEXT))
    else if (names.has(container.name)) errors.push({ field: `${at}.name`, reason: 'FieldValueDuplicate', value: goValue(container.name) })
    names.add(String(container.name))
    if (!container.image) errors.push(required(`${at}.image`))
    asArray(container.ports).forEach((port, portIndex) => {
      const value = port?.containerPort
      if (typeof value !== 'number' || value < 1 || value > 65535) {
        errors.push(invalidValue(`${at}.ports[${portIndex}].containerPort`, value ?? 0, 'must be between 1 and 65535, inclusive'))
      }
    })
  })
}

const selectorMatchesTemplate = (selector: Json | undefined, labels: Json | undefined): boolean =>
  Object.entries((selector?.matchLabels as Json | undefined) ?? {}).every(([key, value]) => labels?.[key] === value)

const validateWorkload = (object: KubeObject, errors: FieldError[], withReplicas: boolean): void => {
  const spec = (object.spec ?? {}) as Json
  if (withReplicas && typeof spec.replicas === 'number' && spec.replicas < 0) {
    errors.push(invalidValue('spec.replicas', spec.replicas, 'must be greater than or equal to 0'))
  }
  const selector = spec.selector as Json | undefined
  if (!selector) errors.push(required('spec.selector'))
  else if (Object.keys((selector.matchLabels as Json | undefined) ?? {}).length === 0 && asArray(selector.matchExpressions).length === 0) {
    errors.push(invalidValue('spec.selector', selector, 'empty selector is invalid for deployment'))
  }
  const template = spec.template as Json | undefined
  const labels = (template?.metadata as Json | undefined)?.labels as Json | undefined
  if (selector && !selectorMatchesTemplate(selector, labels)) {
    errors.push(invalidValue('spec.template.metadata.labels', labels ?? {}, '`selector` does not match template `labels`'))
  }
  validatePodSpec(template?.spec as Json | undefined, 'spec.template.spec', errors)
}

const validateService = (object: KubeObject, errors: FieldError[]): void => {
  const spec = (object.spec ?? {}) as Json
  const ports = asArray(spec.ports)
  if (ports.length === 0 && spec.clusterIP !== 'None' && spec.type !== 'ExternalName') errors.push(required('spec.ports'))
  ports.forEach((port, index) => {
    if (typeof port?.port !== 'number' || port.port < 1 || port.port > 65535) {
      errors.push(invalidValue(`spec.ports[${index}].port`, port?.port ?? 0, 'must be between 1 and 65535, inclusive'))
    }
    if (ports.length > 1 && !port?.name) errors.push(required(`spec.ports[${index}].name`))
  })
}

const validatePdb = (object: KubeObject, errors: FieldError[]): void => {
  const spec = (object.spec ?? {}) as Json
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errors.push(invalidValue('spec', spec, 'minAvailable and maxUnavailable cannot be both set'))
  }
  for (const field of ['minAvailable', 'maxUnavailable']) {
    const value = spec[field]
    if (typeof value === 'number' && value < 0) errors.push(invalidValue(`spec.${field}`, value, 'must be greater than or equal to 0'))
  }
}

/** Field errors of a built-in object (empty when valid). Custom resources are checked by their schema instead. */
export const validateObject = (object: KubeObject): FieldError[] => {
  const errors: FieldError[] = []
  validateName(object, errors)
  if (object.kind === 'Pod') validatePodSpec(object.spec as Json | undefined, 'spec', errors)
  if (object.kind === 'Deployment' || object.kind === 'ReplicaSet') validateWorkload(object, errors, true)
  if (object.kind === 'DaemonSet') validateWorkload(object, errors, false)
  if (object.kind === 'Service') validateService(object, errors)
  if (object.kind === 'PodDisruptionBudget') validatePdb(object, errors)
  return errors
}
