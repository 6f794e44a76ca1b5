// Per message type, what each field is and how it maps to JSON: worked out once, reused for every body.
import protobuf from 'protobufjs/light.js'
import { fieldMapping, isListWrapper } from './protobuf-schema.js'
import { SPECIAL_MESSAGES, type SpecialMessage } from './special-messages.js'

export interface FieldPlan {
  field: protobuf.Field
  /** Key in the JSON object. */
  json: string
  inline: boolean
  keepZero: boolean
  pointer: boolean
  repeated: boolean
  map: boolean
  /** The message type of the field (or of a map's values), when it is a message. */
  message?: protobuf.Type
  special?: SpecialMessage
  /** The field's message only wraps a list (`items`). */
  listWrapper: boolean
  /** Scalar proto type (`string`, `int64`, `bytes`…) when not a message. */
  scalar: string
}

const plans = new Map<protobuf.Type, FieldPlan[]>()

/** The field plans of a message type, cached. */
export const planOf = (type: protobuf.Type): FieldPlan[] => {
  let plan = plans.get(type)
  if (plan) return plan
  plan = type.fieldsArray.map((field): FieldPlan => {
    field.resolve()
    const mapping = fieldMapping(type, field)
    const message = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined
    return {
      field,
      json: mapping.json ?? field.name,
      inline: mapping.inline === true,
      keepZero: mapping.keepZero === true,
      pointer: mapping.pointer === true,
      repeated: field.repeated,
      map: field.map,
      ...(message ? { message } : {}),
      ...(message && SPECIAL_MESSAGES[message.fullName.slice(1)] ? { special: SPECIAL_MESSAGES[message.fullName.slice(1)] } : {}),
      listWrapper: message !== undefined && isListWrapper(message),
      scalar: field.type,
    }
  })
  plans.set(type, plan)
  return plan
}
