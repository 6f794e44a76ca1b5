// The shape protobufjs gives a decoded message, and its 64-bit numbers as JavaScript numbers.
import protobuf from 'protobufjs/light.js'

export type Message = Record<string, unknown>

/** int64 fields decode as Long objects when `long` is installed; the API's int64s fit in a double. */
export const toNumber = (value: unknown): number => {
  if (typeof value === 'number') return value
  if (value === undefined || value === null) return 0
  if (typeof value === 'object' && 'low' in value && 'high' in value) return protobuf.util.LongBits.from(value as protobuf.Long).toNumber((value as protobuf.Long).unsigned)
  return Number(value)
}

const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64'])
export const isLongType = (type: string): boolean => LONG_TYPES.has(type)
