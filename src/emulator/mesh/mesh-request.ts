// One HTTP request as the proxy sees it, and who sends it.

export interface MeshRequest {
  method: string
  scheme: string
  /** Host header as sent, e.g. `reviews:9080`. */
  authority: string
  /** Path without the query string. */
  path: string
  query: URLSearchParams
  /** Lower-case names. */
  headers: Record<string, string>
  body?: Buffer
}

/** The calling workload: a pod's sidecar (`gateway: 'mesh'`) or an ingress gateway (`<ns>/<name>`). */
export interface RequestSource {
  namespace: string
  labels: Record<string, string>
  gateway: string
}

export interface UpstreamResponse {
  status: number
  headers: Record<string, string | string[]>
  body: Buffer
}

export const plainResponse = (status: number, text: string, headers: Record<string, string> = {}): UpstreamResponse => ({
  status,
  headers: text ? { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(text)), ...headers } : { 'content-length': '0', ...headers },
  body: Buffer.from(text),
})

/** Path and query of a request target such as `/productpage?u=normal`. */
export const pathWithQuery = (request: MeshRequest): string => {
  const query = request.query.toString()
  return query ? `${request.path}?${query}` : request.path
}
