// A JSON API object (with kind and apiVersion) → a `k8s\0` protobuf body, as kube-apiserver answers protobuf clients.
import { jsonToMessage } from './json-to-proto.js'
import { sealEnvelope } from './protobuf-envelope.js'
import { findMessageType } from './protobuf-schema.js'

/** The protobuf body for `object`, or undefined when its kind has no protobuf message (custom resources, unknown kinds). */
export const encodeProtobufObject = (object: unknown): Buffer | undefined => {
  if (typeof object !== 'object' || object === null) return undefined
  const { kind, apiVersion } = object as { kind?: unknown; apiVersion?: unknown }
  if (typeof kind !== 'string' || typeof apiVersion !== 'string') return undefined
  const type = findMessageType(apiVersion, kind)
  if (!type) return undefined
  const raw = type.encode(jsonToMessage(type, object as Record<string, unknown>)).finish()
  return sealEnvelope(apiVersion, kind, raw)
}
