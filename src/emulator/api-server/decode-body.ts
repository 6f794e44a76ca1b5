// Request bodies: JSON or Kubernetes protobuf decoding with kube-apiserver's 400 texts, and the kind/namespace/name checks.
import type { IncomingMessage } from 'node:http'
import type { KubeObject } from '../store/kube-object.js'
import { mediaType, readBodyBytes } from './http-io.js'
import { decodeProtobufObject } from './protobuf/decode-protobuf-object.js'
import { PROTOBUF_MEDIA_TYPE } from './protobuf/protobuf-envelope.js'
import { apiVersionOf, type ResourceDefinition } from '../registry/resource-definition.js'
import { badRequest, unsupportedBodyType } from '../registry/status.js'

const jsonErrorText = (error: unknown, text: string): string => {
  if (text.trim() === '' || /end of (JSON )?input|Unterminated|Unexpected end/i.test(String((error as Error).message))) return 'unexpected end of JSON input'
  const match = /position (\d+)/.exec(String((error as Error).message))
  const char = match ? text[Number(match[1])] : text.trim()[0]
  return `invalid character '${char ?? ''}' looking for beginning of value`
}

/** Parses JSON, answering 400 BadRequest the way the apiserver's decoder words it. */
export const parseJson = (text: string, kind: string): unknown => {
  try {
    return JSON.parse(text)
  } catch (error) {
    const excerpt = text.length > 30 ? `${text.slice(0, 30)} ...` : text
    throw badRequest(`the object provided is unrecognized (must be of type ${kind}): couldn't get version/kind; json parse error: ${jsonErrorText(error, text)} (${excerpt})`)
  }
}

const internalGroup = (group: string): string => (group === '' ? 'core' : (group.split('.')[0] ?? group))

/** The kind a request body must be: a resource's own kind, or `Eviction`, `Scale`, `DeleteOptions`. */
export interface BodyKind {
  group: string
  version: string
  kind: string
  /** Custom resources read JSON only (kube-apiserver answers a protobuf body with 415). */
  custom?: boolean
  /** An empty or blank body is allowed and reads as undefined (DeleteOptions). */
  optional?: boolean
}

/** Reads and decodes a request body: Kubernetes protobuf when its Content-Type says so, JSON otherwise. */
export const readBodyAs = async (request: IncomingMessage, expected: BodyKind, alreadyRead?: Buffer): Promise<unknown> => {
  const body = alreadyRead ?? (await readBodyBytes(request))
  if (mediaType(request.headers['content-type']) !== PROTOBUF_MEDIA_TYPE) {
    const text = body.toString('utf8')
    return expected.optional && text.trim() === '' ? undefined : parseJson(text, expected.kind)
  }
  if (expected.optional && body.length === 0) return undefined
  if (expected.custom) throw unsupportedBodyType(['application/json', 'application/yaml'])
  return decodeProtobufObject(body, { apiVersion: apiVersionOf(expected.group, expected.version), kind: expected.kind, internalGroup: internalGroup(expected.group) })
}

/** Reads a body meant to be a `resource` object (or decodes `alreadyRead`, its bytes): kind and namespace checked against the URL. */
export const readObject = async (request: IncomingMessage, resource: ResourceDefinition, version: string, namespace: string | undefined, alreadyRead?: Buffer): Promise<KubeObject> => {
  const value = await readBodyAs(request, { ...resource, version }, alreadyRead)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(`the object provided is unrecognized (must be of type ${resource.kind}): couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`)
  }
  const object = value as KubeObject
  if (object.kind !== undefined && object.kind !== resource.kind) {
    const bodyVersion = typeof object.apiVersion === 'string' ? object.apiVersion : apiVersionOf(resource.group, version)
    throw badRequest(
      `${String(object.kind)} in version "${bodyVersion.split('/').pop()}" cannot be handled as a ${resource.kind}: converting (${bodyVersion.split('/').pop()}.${String(object.kind)}) to (${internalGroup(resource.group)}.${resource.kind}): unknown conversion`,
    )
  }
  const metadata = object.metadata && typeof object.metadata === 'object' && !Array.isArray(object.metadata) ? object.metadata : {}
  object.metadata = metadata
  if (resource.namespaced) {
    if (metadata.namespace && namespace !== undefined && metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request')
    }
    if (namespace !== undefined) metadata.namespace = namespace
  } else {
    delete metadata.namespace
  }
  object.kind = resource.kind
  object.apiVersion = apiVersionOf(resource.group, version)
  return object
}
