import type { Program } from '../program.js'
import { sendJson, sendText, serveHttp } from './serve-http.js'

const bookDetails = (id: number) =>
  JSON.stringify({
    id,
    author: 'William Shakespeare',
    year: 1595,
    type: 'paperback',
    pages: 200,
    publisher: 'PublisherA',
    language: 'English',
    'ISBN-10': '1234567890',
    'ISBN-13': '123-1234567890',
  })

/** details-v1 (Ruby WEBrick upstream): `/health` and `/details/<n>`, the id taken from the last path segment. */
export const details: Program = (context) =>
  serveHttp(context, (request, response) => {
    const path = new URL(request.url ?? '/', 'http://details').pathname
    if (path === '/health') return sendJson(response, 200, JSON.stringify({ status: 'Details is healthy' }))
    if (path === '/details' || path.startsWith('/details/')) {
      const last = path.split('/').pop() ?? ''
      if (!/^-?\d+$/.test(last)) return sendJson(response, 400, JSON.stringify({ error: 'please provide numeric product id' }))
      return sendJson(response, 200, bookDetails(Number(last)))
    }
    sendText(response, 404, `<HTML><HEAD><TITLE>Not Found</TITLE></HEAD><BODY><H1>Not Found</H1>\`${path}' not found.</BODY></HTML>`, 'text/html; charset=ISO-8859-1')
  })
