import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError, failure } from './status.js'

const MAX_BODY_BYTES = 3 * 1024 * 1024

/** The whole request body as text; 413 beyond 3 MiB (etcd's own object limit is 1.5 MiB). */
export const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new ApiError(failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'))
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
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
