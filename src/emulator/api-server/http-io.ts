import type { IncomingMessage, ServerResponse } from 'node:http'
import { encodeProtobufObject } from './protobuf/encode-protobuf-object.js'
import { PROTOBUF_MEDIA_TYPE } from './protobuf/protobuf-envelope.js'
import { ApiError, failure } from '../registry/status.js'

const MAX_BODY_BYTES = 3 * 1024 * 1024

/** The whole request body; 413 beyond 3 MiB (etcd's own object limit is 1.5 MiB). */
export const readBodyBytes = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new ApiError(failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'))
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** The whole request body as text. */
export const readBody = async (request: IncomingMessage): Promise<string> => (await readBodyBytes(request)).toString('utf8')

const JSON_TYPES = ['*/*', 'application/*', 'application/json', 'application/yaml']

/**
 * How to encode a response for this Accept header: JSON whenever it allows JSON, protobuf when it allows only
 * Kubernetes protobuf (as typed client-go clients can be configured to), undefined when neither (406).
 */
export const responseEncoding = (accept: string | undefined): 'json' | 'protobuf' | undefined => {
  if (!accept) return 'json'
  let protobuf = false
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const transform = params.find((param) => param.startsWith('as='))
    if (JSON_TYPES.includes(type) && (transform === undefined || transform === 'as=table')) return 'json'
    if (type === PROTOBUF_MEDIA_TYPE && transform === undefined) protobuf = true
  }
  return protobuf ? 'protobuf' : undefined
}

/** Writes an API object: JSON, or a `k8s\0` protobuf body when the request's Accept allows only protobuf and the kind has a message. */
export const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  if (responseEncoding(response.req?.headers.accept) === 'protobuf') {
    const bytes = encodeProtobufObject(body)
    if (bytes) {
      response.writeHead(status, { 'Content-Type': PROTOBUF_MEDIA_TYPE, 'Content-Length': bytes.length, ...headers })
      response.end(bytes)
      return
    }
  }
  const text = JSON.stringify(body)
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers })
  response.end(text)
}

export const sendText = (response: ServerResponse, status: number, text: string): void => {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(text),
  })
  response.end(text)
}

/** The media type without parameters, lower-cased (`application/merge-patch+json; charset=utf-8` → `application/merge-patch+json`). */
export const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase()
