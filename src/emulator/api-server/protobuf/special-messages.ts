// Messages whose JSON form is not an object of their fields (Go types with their own MarshalJSON).
import type { Message } from './proto-value.js'
import { toNumber } from './proto-value.js'
import { kubeNow } from '../../store/kube-time.js'

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1'

export interface SpecialMessage {
  /** The JSON value of a decoded message (a zero Time or an empty RawExtension is `null`, as Go's JSON prints them). */
  toJson(message: Message): unknown
  /** The message fields for a JSON value. */
  toProto(value: unknown): Message
}

const secondsOf = (text: string): { seconds: number; nanos: number } => {
  const millis = Date.parse(text)
  if (Number.isNaN(millis)) throw new TypeError(`not an RFC 3339 time: ${JSON.stringify(text)}`)
  const fraction = /\.(\d+)/.exec(text)?.[1] ?? ''
  return { seconds: Math.floor(millis / 1000), nanos: Number(fraction.padEnd(9, '0').slice(0, 9)) }
}

const isUnset = (message: Message): boolean => !Object.hasOwn(message, 'seconds') && !Object.hasOwn(message, 'nanos')

const isoSeconds = (seconds: number): string => kubeNow(seconds * 1000)

const parseJsonBytes = (bytes: unknown): unknown => {
  const buffer = bytes instanceof Uint8Array ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.alloc(0)
  return buffer.length === 0 ? null : JSON.parse(buffer.toString('utf8'))
}

const jsonBytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value))

export const SPECIAL_MESSAGES: Record<string, SpecialMessage> = {
  // metav1.Time keeps whole seconds only (its Unmarshal drops nanos) and prints RFC 3339.
  [`${META}.Time`]: {
    toJson: (message) => (isUnset(message) ? null : isoSeconds(toNumber(message.seconds))),
    toProto: (value) => ({ seconds: secondsOf(String(value)).seconds }),
  },
  [`${META}.MicroTime`]: {
    toJson: (message) => {
      if (isUnset(message)) return null
      const micros = String(Math.floor(toNumber(message.nanos) / 1000)).padStart(6, '0')
      return isoSeconds(toNumber(message.seconds)).replace(/Z$/, `.${micros}Z`)
    },
    toProto: (value) => secondsOf(String(value)),
  },
  'k8s.io.apimachinery.pkg.api.resource.Quantity': {
    toJson: (message) => message.string ?? '0',
    toProto: (value) => ({ string: String(value) }),
  },
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': {
    toJson: (message) => (toNumber(message.type) === 1 ? (message.strVal ?? '') : toNumber(message.intVal)),
    toProto: (value) => (typeof value === 'number' ? { type: 0, intVal: value } : { type: 1, strVal: String(value) }),
  },
  // Raw holds the embedded object's JSON bytes.
  'k8s.io.apimachinery.pkg.runtime.RawExtension': {
    toJson: (message) => parseJsonBytes(message.raw),
    toProto: (value) => ({ raw: jsonBytes(value) }),
  },
  [`${META}.FieldsV1`]: {
    toJson: (message) => parseJsonBytes(message.Raw),
    toProto: (value) => ({ Raw: jsonBytes(value) }),
  },
}
