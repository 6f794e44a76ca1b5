// Deployment, ReplicaSet and DaemonSet checks: replicas, a selector that matches the template, the template's pod spec.
import type { KubeObject } from '../store/kube-object.js'
import { asArray, invalidValue, requiredValue } from './field-errors.js'
import type { Json } from './resource-definition.js'
import type { FieldError } from './status.js'
import { validatePodSpec } from './validate-pod-spec.js'

const selectorMatchesTemplate = (selector: Json | undefined, labels: Json | undefined): boolean =>
  Object.entries((selector?.matchLabels as Json | undefined) ?? {}).every(([key, value]) => labels?.[key] === value)

/** The `validate` hook of a workload kind; `withReplicas` for kinds that have `spec.replicas`. */
export const validateWorkload =
  (withReplicas: boolean) =>
  (object: KubeObject, errors: FieldError[]): void => {
    const spec = (object.spec ?? {}) as Json
    if (withReplicas && typeof spec.replicas === 'number' && spec.replicas < 0) {
      errors.push(invalidValue('spec.replicas', spec.replicas, 'must be greater than or equal to 0'))
    }
    const selector = spec.selector as Json | undefined
    if (!selector) errors.push(requiredValue('spec.selector'))
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
