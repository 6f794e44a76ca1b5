// Kinds with one or two hooks: PodDisruptionBudget, Secret, Node.
import { invalidValue } from '../field-errors.js'
import type { Json, ResourceHooks } from '../resource-definition.js'

export const POD_DISRUPTION_BUDGET_HOOKS: ResourceHooks = {
  defaultOnCreate: (pdb) => {
    pdb.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }
  },
  validate: (pdb, errors) => {
    const spec = (pdb.spec ?? {}) as Json
    if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
      errors.push(invalidValue('spec', spec, 'minAvailable and maxUnavailable cannot be both set'))
    }
    for (const field of ['minAvailable', 'maxUnavailable']) {
      const value = spec[field]
      if (typeof value === 'number' && value < 0) errors.push(invalidValue(`spec.${field}`, value, 'must be greater than or equal to 0'))
    }
  },
}

export const SECRET_HOOKS: ResourceHooks = {
  defaultOnCreate: (secret) => {
    secret.type ??= 'Opaque'
    if (secret.stringData && typeof secret.stringData === 'object') {
      const data = (secret.data ??= {}) as Json
      for (const [key, value] of Object.entries(secret.stringData as Json)) data[key] = Buffer.from(String(value)).toString('base64')
      delete secret.stringData
    }
  },
}

export const NODE_HOOKS: ResourceHooks = {
  // `unschedulable: false` is the field's zero value, which the Go struct drops on update
  defaultOnUpdate: (spec) => {
    if (spec.unschedulable === false) delete spec.unschedulable
  },
}
