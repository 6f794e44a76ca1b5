/* global fetch, AbortSignal */
// The shop: a small Node service (no framework) in front of bookinfo's details service.
// GET /shop/products/<id> answers with the product's details, fetched with a 1 s timeout and one retry.
// With SHOP_DETAILS_FALLBACK=on it answers without the details when they cannot be fetched, instead of failing.
import { createServer } from 'node:http'

const DETAILS_TIMEOUT_MS = 1_000
const port = Number(process.env.PORT ?? 8080)
// all interfaces in a real pod; the emulated cluster's program mapping sets 127.0.0.1, as its ports are on your machine
const host = process.env.SHOP_LISTEN_HOST ?? '0.0.0.0'
// the Kubernetes service variables: a ClusterIP on a real cluster, the pod's sidecar on the emulated one
const detailsUrl = `http://${process.env.DETAILS_SERVICE_HOST ?? 'details'}:${process.env.DETAILS_SERVICE_PORT ?? 9080}`
const hasFallback = process.env.SHOP_DETAILS_FALLBACK === 'on'

const fetchDetails = async (id) => {
  const response = await fetch(`${detailsUrl}/details/${id}`, { signal: AbortSignal.timeout(DETAILS_TIMEOUT_MS) })
  if (!response.ok) throw new Error(`details answered ${response.status}`)
  return response.json()
}

const detailsWithOneRetry = async (id) => {
  try {
    return await fetchDetails(id)
  } catch {
    return fetchDetails(id)
  }
}

const answer = (response, status, body) => {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

const server = createServer(async (request, response) => {
  const product = /^\/shop\/products\/(\d+)$/.exec(request.url ?? '')
  if (request.url === '/shop/health') return answer(response, 200, { status: 'ok', pod: process.env.HOSTNAME })
  if (!product) return answer(response, 404, { error: 'not found' })
  const id = Number(product[1])
  try {
    answer(response, 200, { id, details: await detailsWithOneRetry(id), pod: process.env.HOSTNAME })
  } catch (error) {
    console.error(`product ${id}: details unavailable: ${error.message}`)
    if (hasFallback) answer(response, 200, { id, details: null, note: 'details are unavailable right now', pod: process.env.HOSTNAME })
    else answer(response, 503, { error: `details unavailable: ${error.message}` })
  }
})

server.listen(port, host, () => console.log(`shop listening on ${port}${hasFallback ? ' (with the details fallback)' : ''}`))

process.on('SIGTERM', () => {
  console.log('SIGTERM: finishing in-flight requests')
  server.close(() => process.exit(0))
  server.closeIdleConnections()
})
