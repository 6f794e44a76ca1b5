import type { Program } from '../program.js'
import { sendJson, sendText, serveHttp } from './serve-http.js'

const RATINGS_ROWS = JSON.stringify([{ rating: 5 }, { rating: 4 }])

/**
 * Stands in for bookinfo's MongoDB (`examples-bookinfo-mongodb`) with a tiny HTTP data service on port 27017:
 * `GET /<db>/ratings` answers the two rows the upstream image seeds (5 and 4).
 */
export const mongodb: Program = (context) =>
  serveHttp(context, (request, response) => {
    const path = new URL(request.url ?? '/', 'http://mongodb').pathname
    if (/^\/[^/]+\/ratings$/.test(path) && request.method === 'GET') return sendJson(response, 200, RATINGS_ROWS)
    if (path === '/health') return sendJson(response, 200, JSON.stringify({ ok: 1 }))
    sendText(response, 404, 'It looks like you are trying to access MongoDB over HTTP on the native driver port.')
  })
