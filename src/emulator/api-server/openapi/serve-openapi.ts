// /openapi/v2, /openapi/v3 and /openapi/v3/<group-version> with the caching headers kube-openapi sends.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendText } from '../http-io.js'
import { openApiDocuments, type OpenApiDocument } from './openapi-documents.js'

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000
const LAST_MODIFIED = new Date().toUTCString()

const send = (request: IncomingMessage, response: ServerResponse, document: OpenApiDocument, contentType: string, headers: Record<string, string | string[]>): void => {
  const etag = `"${document.hash}"`
  const common = { 'Accept-Ranges': 'bytes', 'Last-Modified': LAST_MODIFIED, ...headers }
  if (request.headers['if-none-match'] === etag && 'Etag' in headers) {
    response.writeHead(304, common)
    response.end()
    return
  }
  response.writeHead(200, { ...common, 'Content-Type': contentType, 'Content-Length': document.bytes.length })
  response.end(request.method === 'HEAD' ? undefined : document.bytes)
}

// The protobuf (gnostic) encoding of v2 is not served: kube-openapi answers an Accept it cannot meet with an empty 406.
const acceptsJsonDocument = (accept: string | undefined): boolean =>
  !accept || accept.split(',').some((clause) => ['*/*', 'application/*', 'application/json'].includes(clause.split(';')[0]!.trim().toLowerCase()))

/** True when the path is an OpenAPI path this server answers (it then has answered it). */
export const serveOpenApi = (request: IncomingMessage, response: ServerResponse, url: URL): boolean => {
  const { pathname } = url
  if (pathname === '/openapi/v2') {
    if (!acceptsJsonDocument(request.headers.accept)) {
      response.writeHead(406, { Vary: 'Accept', 'Content-Length': 0 })
      response.end()
      return true
    }
    const document = openApiDocuments().v2
    send(request, response, document, 'application/json', { 'Cache-Control': 'no-cache, private', Etag: `"${document.hash}"`, Vary: ['Accept-Encoding', 'Accept'] })
    return true
  }
  if (pathname === '/openapi/v3' || pathname === '/openapi/v3/') {
    send(request, response, openApiDocuments().index, 'text/plain; charset=utf-8', { 'Cache-Control': 'no-cache, private' })
    return true
  }
  if (!pathname.startsWith('/openapi/v3/')) return false
  const document = openApiDocuments().v3.get(pathname.slice('/openapi/v3/'.length))
  if (!document) {
    sendText(response, 404, '404 page not found\n')
    return true
  }
  const hash = url.searchParams.get('hash')
  if (hash !== null && hash !== document.hash) {
    response.writeHead(301, { Location: `${pathname}?hash=${document.hash}`, 'Content-Length': 0 })
    response.end()
    return true
  }
  const caching: Record<string, string> =
    hash === null
      ? { 'Cache-Control': 'no-cache, private' }
      : { 'Cache-Control': 'public, immutable', Expires: new Date(Date.now() + ONE_YEAR_MS).toUTCString().replace('GMT', 'UTC') }
  send(request, response, document, 'application/json', { ...caching, Etag: `"${document.hash}"`, Vary: 'Accept' })
  return true
}
