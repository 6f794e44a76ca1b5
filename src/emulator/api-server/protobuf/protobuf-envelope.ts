// The `k8s\0` + runtime.Unknown envelope around every Kubernetes protobuf body.
import { messageType } from './protobuf-schema.js'
import type { Message } from './proto-value.js'

/** The four bytes every Kubernetes protobuf body starts with. */
export const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00])
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf'

const UNKNOWN = messageType('k8s.io.apimachinery.pkg.runtime.Unknown')

export interface Envelope {
  apiVersion: string
  kind: string
  raw: Uint8Array
}

/** Why a body is not a protobuf envelope, worded as apimachinery's protobuf serializer words it. */
export class EnvelopeError extends Error {}

/** The Go text of a wire error: protobufjs says "index out of range", gogo-protobuf says "unexpected EOF". */
export const goWireError = (error: unknown): string => {
  const wireType = /invalid wire type (\d+)/.exec(String((error as Error)?.message))
  return wireType ? `proto: illegal wireType ${wireType[1]}` : 'unexpected EOF'
}

/** Opens the envelope; throws EnvelopeError with the serializer's message when the body is not one. */
export const openEnvelope = (body: Buffer): Envelope => {
  if (body.length === 0) throw new EnvelopeError('empty data')
  if (body.length < PROTOBUF_MAGIC.length || !body.subarray(0, PROTOBUF_MAGIC.length).equals(PROTOBUF_MAGIC)) {
    throw new EnvelopeError(`provided data does not appear to be a protobuf message, expected prefix [${[...PROTOBUF_MAGIC].join(' ')}]`)
  }
  if (body.length === PROTOBUF_MAGIC.length) throw new EnvelopeError('empty body')
  let unknown: Message
  try {
    unknown = UNKNOWN.decode(body.subarray(PROTOBUF_MAGIC.length))
  } catch (error) {
    throw new EnvelopeError(goWireError(error))
  }
  const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string }
  return { apiVersion: typeMeta.apiVersion ?? '', kind: typeMeta.kind ?? '', raw: (unknown.raw as Uint8Array | undefined) ?? new Uint8Array(0) }
}

/** Wraps an encoded message in the envelope, as kube-apiserver writes it (empty contentEncoding/contentType included). */
export const sealEnvelope = (apiVersion: string, kind: string, raw: Uint8Array): Buffer => {
  const unknown = UNKNOWN.encode({ typeMeta: { apiVersion, kind }, raw, contentEncoding: '', contentType: '' }).finish()
  return Buffer.concat([PROTOBUF_MAGIC, unknown])
}
