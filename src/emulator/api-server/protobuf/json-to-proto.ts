// A JSON API object → the plain message protobufjs encodes (the reverse of proto-to-json.ts).
import type protobuf from 'protobufjs/light.js'
import { planOf, type FieldPlan } from './field-plan.js'
import type { Message } from './proto-value.js'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const valueToProto = (plan: FieldPlan, value: unknown): unknown => {
  if (!plan.message) return plan.scalar === 'bytes' ? Buffer.from(String(value), 'base64') : value
  if (plan.special) return plan.special.toProto(value)
  if (plan.listWrapper) return { items: Array.isArray(value) ? value : [] }
  return jsonToMessage(plan.message, isObject(value) ? value : {})
}

/** The protobufjs message fields for a JSON object of `type`; fields the message does not have are left out. */
export const jsonToMessage = (type: protobuf.Type, json: Record<string, unknown>): Message => {
  const out: Message = {}
  for (const plan of planOf(type)) {
    if (plan.inline && plan.message) {
      out[plan.field.name] = jsonToMessage(plan.message, json)
      continue
    }
    const value = json[plan.json]
    if (value === null && plan.message && !plan.pointer && !plan.repeated && !plan.map) out[plan.field.name] = {}
    if (value === undefined || value === null) continue
    if (plan.map) {
      if (isObject(value)) out[plan.field.name] = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, valueToProto(plan, item)]))
    } else if (plan.repeated) {
      if (Array.isArray(value)) out[plan.field.name] = value.filter((item) => item !== null).map((item) => valueToProto(plan, item))
    } else {
      out[plan.field.name] = valueToProto(plan, value)
    }
  }
  return out
}
