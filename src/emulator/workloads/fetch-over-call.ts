import type { OutboundCall, OutboundFetch } from './program.js'

// A plain object (what programs pass) is copied as `Headers` would read it, without building one per request.
const copyHeaders = (init: RequestInit['headers']): Record<string, string> => {
  const headers: Record<string, string> = {}
  if (init === undefined || init instanceof Headers || Array.isArray(init)) {
    new Headers(init).forEach((value, name) => (headers[name] = value))
    return headers
  }
  for (const [rawName, value] of Object.entries(init)) {
    const name = rawName.toLowerCase()
    headers[name] = headers[name] === undefined ? String(value).trim() : `${headers[name]}, ${String(value).trim()}`
  }
  return headers
}

const toResponse = ({ status, headers, body }: Awaited<ReturnType<OutboundCall>>): Response => {
  const pairs: [string, string][] = []
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value) pairs.push([name, item])
    else pairs.push([name, value])
  }
  const empty = status === 204 || status === 304 || body.length === 0
  return new Response(empty ? null : body, { status, headers: pairs })
}

/**
 * `fetch` on top of a pod's `call`: the body encoded as `fetch` encodes it (with its `content-type` when the caller
 * set none), the answer wrapped in a `Response`.
 *
 * @example
 * const context = { call, fetch: fetchOverCall(call) }
 */
export const fetchOverCall =
  (call: OutboundCall): OutboundFetch =>
  async (url, init) => {
    const headers = copyHeaders(init?.headers)
    let body: Buffer | undefined
    if (init?.body !== undefined && init.body !== null) {
      const encoded = new Response(init.body)
      body = Buffer.from(await encoded.arrayBuffer())
      const contentType = encoded.headers.get('content-type')
      if (contentType && !headers['content-type']) headers['content-type'] = contentType
    }
    const signal = init?.signal ?? undefined
    return toResponse(await call(url, { method: (init?.method ?? 'GET').toUpperCase(), headers, ...(body ? { body } : {}), ...(signal ? { signal } : {}) }))
  }
