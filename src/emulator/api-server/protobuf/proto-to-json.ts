// A decoded protobuf message → the JSON object Go's encoding/json would print for the same Go value.
import type protobuf from 'protobufjs/light.js'
import { planOf, type FieldPlan } from './field-plan.js'
import { isLongType, toNumber, type Message } from './proto-value.js'

const scalarToJson = (plan: FieldPlan, value: unknown): unknown => {
  if (plan.scalar === 'bytes') return Buffer.from(value as Uint8Array).toString('base64')
  return isLongType(plan.scalar) ? toNumber(value) : value
}

const isZero = (value: unknown): boolean => value === '' || value === 0 || value === false

const valueToJson = (plan: FieldPlan, value: unknown): unknown => {
  if (!plan.message) return scalarToJson(plan, value)
  if (plan.special) return plan.special.toJson(value as Message)
  if (plan.listWrapper) return ((value as Message).items) ?? []
  return messageToJson(plan.message, value as Message)
}

/**
 * Converts a message protobufjs decoded into the API's JSON form: inline structs flattened, zero values
 * dropped unless Go's JSON keeps them (pointers, fields without omitempty), Time/Quantity/IntOrString as scalars.
 */
export const messageToJson = (type: protobuf.Type, message: Message): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const plan of planOf(type)) {
    const value = message[plan.field.name]
    if (value === undefined || value === null || !Object.hasOwn(message, plan.field.name)) {
      // Go prints a nil slice without omitempty as null; the object model (like the JSON the server writes) has []
      if (plan.repeated && plan.keepZero) out[plan.json] = []
      continue
    }
    if (plan.map) {
      const entries = Object.entries(value as Message)
      if (entries.length > 0) out[plan.json] = Object.fromEntries(entries.map(([key, item]) => [key, valueToJson(plan, item)]))
      continue
    }
    if (plan.repeated) {
      const items = value as unknown[]
      if (items.length > 0 || plan.keepZero) out[plan.json] = items.map((item) => valueToJson(plan, item))
      continue
    }
    const converted = valueToJson(plan, value)
    if (!plan.message && !plan.keepZero && isZero(converted)) continue
    if (converted === undefined) continue
    if (plan.inline && typeof converted === 'object' && converted !== null) Object.assign(out, converted)
    else out[plan.json] = converted
  }
  return out
}
