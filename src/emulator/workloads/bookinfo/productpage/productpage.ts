import type { Program, ProgramContext } from '../../program.js'
import { forwardHeaders } from '../forward-headers.js'
import { type HandlerRequest, type HandlerResponse, sendJson, sendText, serveHttp } from '../serve-http.js'
import { type DownstreamResult, getProductDetails, getProductRatings, getProductReviews } from './call-downstream.js'
import { PRODUCTS } from './product.js'
import { pythonJsonDumps } from './python-json.js'
import { renderIndex } from './render-index.js'
import { renderProductPage } from './render-product-page.js'
import { RequestResults } from './request-results.js'
import { decodeSession, sessionSetCookie } from './session-cookie.js'
import { STATIC_FILES } from './static-files.js'

const HTML = 'text/html; charset=utf-8'
const NOT_FOUND = `<!doctype html>
<html lang=en>
<title>404 Not Found</title>
<h1>Not Found</h1>
<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>
`

/** `end-user` comes only from the signed session, never from an incoming header; tracing headers are copied. */
const outgoingHeaders = (request: HandlerRequest): Record<string, string> => {
  const user = decodeSession(request.headers.cookie).user
  return { ...(user !== undefined ? { 'end-user': user } : {}), ...forwardHeaders(request.headers) }
}

/** 302 to the Referer, as upstream; without one we send the user to `/productpage` (upstream fails there). */
const redirectBack = (request: HandlerRequest, response: HandlerResponse, setCookie: string) => {
  const location = request.headers.referer ?? '/productpage'
  response.writeHead(302, { location, 'set-cookie': setCookie, 'content-type': HTML, 'content-length': 0 })
  response.end()
}

const sendApi = (response: HandlerResponse, { status, json }: DownstreamResult) => sendJson(response, status, pythonJsonDumps(json))

const formValue = (request: HandlerRequest, body: Buffer, name: string): string | undefined => {
  const query = new URL(request.url ?? '/', 'http://productpage').searchParams
  const contentType = request.headers['content-type'] ?? ''
  const form = contentType.includes('application/x-www-form-urlencoded') || !contentType ? new URLSearchParams(body.toString('utf8')) : new URLSearchParams()
  return form.get(name) ?? query.get(name) ?? undefined
}

const handle = async (context: ProgramContext, results: RequestResults, request: HandlerRequest, response: HandlerResponse, body: Buffer): Promise<void> => {
  const path = new URL(request.url ?? '/', 'http://productpage').pathname
  const method = request.method ?? 'GET'
  if (method === 'POST' && path === '/login') return redirectBack(request, response, sessionSetCookie({ user: formValue(request, body, 'username') ?? '' }))
  if (path === '/logout') return redirectBack(request, response, sessionSetCookie({}))
  if (path === '/' || path === '/index.html') return sendText(response, 200, renderIndex(), HTML)
  if (path === '/health') return sendText(response, 200, 'Product page is healthy', HTML)
  if (path === '/metrics') return sendText(response, 200, results.render(), 'text/plain; version=0.0.4; charset=utf-8')
  if (path === '/productpage') {
    const headers = outgoingHeaders(request)
    const details = await getProductDetails(context, results, '0', headers)
    const reviews = await getProductReviews(context, results, '0', headers)
    return sendText(response, 200, renderProductPage(details, reviews, decodeSession(request.headers.cookie).user), HTML)
  }
  if (path === '/api/v1/products') return sendJson(response, 200, pythonJsonDumps(PRODUCTS))
  const api = /^\/api\/v1\/products\/([^/]+)(?:\/(reviews|ratings))?$/.exec(path)
  if (api?.[1] !== undefined) {
    const headers = outgoingHeaders(request)
    if (api[2] === 'reviews') return sendApi(response, await getProductReviews(context, results, api[1], headers))
    if (api[2] === 'ratings') return sendApi(response, await getProductRatings(context, results, api[1], headers))
    return sendApi(response, await getProductDetails(context, results, api[1], headers))
  }
  const file = STATIC_FILES.get(path)
  if (file) {
    response.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length })
    response.end(file.body)
    return
  }
  sendText(response, 404, NOT_FOUND, HTML)
}

/** productpage-v1 (Flask upstream): the HTML page, login/logout, the JSON API, `/health`, `/metrics`, `/static`. */
export const productpage: Program = (context) => {
  const results = new RequestResults()
  return serveHttp(context, (request, response, body) => handle(context, results, request, response, body))
}
