import type { HTTPMatchRequest, HTTPRoute, StringMatch } from './istio-types.js'
import { matchString } from './match-string.js'
import type { MeshRequest, RequestSource } from './mesh-request.js'

const PSEUDO_HEADERS = new Set(['uri', 'scheme', 'method', 'authority'])

const headersMatch = (wanted: Record<string, StringMatch>, headers: Record<string, string>) =>
  Object.entries(wanted).every(([name, match]) => PSEUDO_HEADERS.has(name.toLowerCase()) || matchString(match, headers[name.toLowerCase()]))

const noHeaderMatches = (unwanted: Record<string, StringMatch>, headers: Record<string, string>) =>
  Object.entries(unwanted).every(([name, match]) => PSEUDO_HEADERS.has(name.toLowerCase()) || !matchString(match, headers[name.toLowerCase()]))

const queryMatches = (wanted: Record<string, StringMatch>, query: URLSearchParams) =>
  Object.entries(wanted).every(([name, match]) => matchString(match, query.get(name) ?? undefined))

const labelsMatch = (wanted: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(wanted).every(([name, value]) => labels[name] === value)

const authorityPort = (authority: string): number => {
  const port = /:(\d+)$/.exec(authority)?.[1]
  return port ? Number(port) : 80
}

/** `bookinfo-gateway` in namespace `bookinfo` → `bookinfo/bookinfo-gateway`; `mesh` stays `mesh`. */
export const qualifyGateway = (gateway: string, namespace: string): string =>
  gateway === 'mesh' || gateway.includes('/') ? gateway : `${namespace}/${gateway}`

/** One `HTTPMatchRequest`: every field present must match (AND). */
export const matchRequest = (match: HTTPMatchRequest, request: MeshRequest, source: RequestSource, ruleNamespace: string): boolean => {
  const ignoreCase = match.ignoreUriCase === true
  if (match.uri && !matchString(match.uri, request.path, ignoreCase)) return false
  if (match.scheme && !matchString(match.scheme, request.scheme)) return false
  if (match.method && !matchString(match.method, request.method)) return false
  if (match.authority && !matchString(match.authority, request.authority)) return false
  if (match.headers && !headersMatch(match.headers, request.headers)) return false
  if (match.withoutHeaders && !noHeaderMatches(match.withoutHeaders, request.headers)) return false
  if (match.queryParams && !queryMatches(match.queryParams, request.query)) return false
  if (match.port !== undefined && match.port !== authorityPort(request.authority)) return false
  if (match.sourceLabels && !labelsMatch(match.sourceLabels, source.labels)) return false
  if (match.sourceNamespace !== undefined && match.sourceNamespace !== source.namespace) return false
  if (match.gateways && !match.gateways.some((gateway) => qualifyGateway(gateway, ruleNamespace) === source.gateway)) return false
  return true
}

/** A route without `match` matches everything; otherwise any one of its match items (OR). */
export const matchRoute = (route: HTTPRoute, request: MeshRequest, source: RequestSource, ruleNamespace: string): boolean =>
  !route.match?.length || route.match.some((match) => matchRequest(match, request, source, ruleNamespace))
