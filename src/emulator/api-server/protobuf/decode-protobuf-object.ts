// A protobuf request body → the JSON object model, refusing it exactly where kube-apiserver's decoder does.
import { badRequest } from '../../registry/status.js'
import { messageToJson } from './proto-to-json.js'
import { EnvelopeError, goWireError, openEnvelope } from './protobuf-envelope.js'
import { findMessageType } from './protobuf-schema.js'
import type { Message } from './proto-value.js'

/** The kind the URL expects the body to be. */
export interface ExpectedKind {
  apiVersion: string
  kind: string
  /** The internal group name in conversion errors: `apps` for apps/v1, `core` for v1. */
  internalGroup: string
}

// apiserver's summarizeData: the first 30 bytes, as text when the body looks like JSON, else as hex.
const summarize = (body: Buffer): string => {
  if (body.length === 0) return '<empty>'
  const head = body.subarray(0, 30)
  const text = body[0] === 0x7b ? head.toString('utf8') : head.toString('hex')
  return body.length > 30 ? `${text} ...` : text
}

const versionOf = (apiVersion: string) => apiVersion.split('/').pop() ?? ''

/** Decodes a `k8s\0` body meant to be `expected`; the result carries kind and apiVersion like a parsed JSON body. */
export const decodeProtobufObject = (body: Buffer, expected: ExpectedKind): Record<string, unknown> => {
  let envelope
  try {
    envelope = openEnvelope(body)
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error
    throw badRequest(`the object provided is unrecognized (must be of type ${expected.kind}): ${error.message} (${summarize(body)})`)
  }
  // copyKindDefaults: a missing kind or version comes from the URL's
  const kind = envelope.kind || expected.kind
  const apiVersion = versionOf(envelope.apiVersion) ? envelope.apiVersion : expected.apiVersion
  const cannotHandle = (reason: string) => badRequest(`${kind} in version "${versionOf(apiVersion)}" cannot be handled as a ${expected.kind}: ${reason}`)
  const type = findMessageType(apiVersion, kind)
  if (!type) throw cannotHandle(`no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`)
  let message: Message
  try {
    message = type.decode(envelope.raw)
  } catch (error) {
    throw cannotHandle(goWireError(error))
  }
  if (kind !== expected.kind || apiVersion !== expected.apiVersion) {
    throw cannotHandle(`converting (${versionOf(apiVersion)}.${kind}) to (${expected.internalGroup}.${expected.kind}): unknown conversion`)
  }
  try {
    return { kind, apiVersion, ...messageToJson(type, message) }
  } catch (error) {
    throw cannotHandle((error as Error).message)
  }
}
