import type { KubeObject } from '../store/kube-object.js'
import type { OutboundFetch } from '../workloads/program.js'
import type { DispatchContext } from './dispatch-route.js'
import { fetchFailed } from './fetch-errors.js'
import { linkSignals } from './link-signals.js'
import type { MeshRequest, UpstreamResponse } from './mesh-request.js'
import { resolveServiceHost } from './resolve-host.js'
import { exposesPort, routeMeshRequest, withRequestId } from './route-mesh-request.js'

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

const toMeshRequest = async (url: URL, init: RequestInit | undefined): Promise<MeshRequest> => {
  const headers = copyHeaders(init?.headers)
  let body: Buffer | undefined
  if (init?.body !== undefined && init.body !== null) {
    const encoded = new Response(init.body)
    body = Buffer.from(await encoded.arrayBuffer())
    const contentType = encoded.headers.get('content-type')
    if (contentType && !headers['content-type']) headers['content-type'] = contentType
  }
  return { method: (init?.method ?? 'GET').toUpperCase(), scheme: 'http', authority: url.host, path: url.pathname, query: url.searchParams, headers, body }
}

const toResponse = ({ status, headers, body }: UpstreamResponse): Response => {
  const pairs: [string, string][] = []
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value) pairs.push([name, item])
    else pairs.push([name, value])
  }
  const empty = status === 204 || status === 304 || body.length === 0
  return new Response(empty ? null : body, { status, headers: pairs })
}

/** The sidecar of one pod: resolves `http://<service>[.<ns>…]:<port>/…` as cluster DNS would and routes it through the mesh. */
export const createOutboundFetch =
  (context: DispatchContext, pod: KubeObject): OutboundFetch =>
  async (input, init) => {
    const url = new URL(input)
    const namespace = pod.metadata.namespace ?? 'default'
    const target = url.protocol === 'http:' ? resolveServiceHost(context.view, url.hostname, namespace) : undefined
    if (!target) throw fetchFailed('ENOTFOUND', url.hostname)
    const port = url.port ? Number(url.port) : 80
    if (!exposesPort(target, port)) throw fetchFailed('ECONNREFUSED', `${url.hostname}:${port}`)
    const request = withRequestId(await toMeshRequest(url, init))
    const source = { namespace, labels: pod.metadata.labels ?? {}, gateway: 'mesh' }
    if (!init?.signal) return toResponse(await routeMeshRequest(context, target, port, request, source))
    const linked = linkSignals([context.signal, init.signal])
    try {
      return toResponse(await routeMeshRequest({ ...context, signal: linked.signal }, target, port, request, source))
    } finally {
      linked.dispose()
    }
  }
