// Aggregated discovery (apidiscovery.k8s.io v2, and v2beta1 of the same shape): `/api` and `/apis` answer every
// served resource in one document when the Accept asks for it, as kube-apiserver 1.32 answers kubectl
// (recordings fixtures/apiserver-v1.32/kubectl-*.json, exchanges 2 and 3).
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { API_GROUPS, RESOURCES, type ResourceDefinition } from './resource-table.js'

type DiscoveryVersion = 'v2' | 'v2beta1'

/** The aggregated version the Accept asks for first, if any (`application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList`). */
export const aggregatedDiscoveryVersion = (accept: string | undefined): DiscoveryVersion | undefined => {
  for (const clause of (accept ?? '').split(',')) {
    const [type = '', ...params] = clause.split(';').map((piece) => piece.trim().toLowerCase())
    if (type !== 'application/json' || !params.includes('g=apidiscovery.k8s.io') || !params.includes('as=apigroupdiscoverylist')) continue
    if (params.includes('v=v2')) return 'v2'
    if (params.includes('v=v2beta1')) return 'v2beta1'
  }
  return undefined
}

const byName = <T>(name: (entry: T) => string) => (a: T, b: T) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0)

/** responseKind: built-in kinds leave group and version empty; custom resources (and Eviction, Scale) name theirs. */
const responseKind = (resource: ResourceDefinition, version: string, kind = resource.kind, group?: string, kindVersion?: string) =>
  group !== undefined ? { group, version: kindVersion ?? '', kind } : resource.custom ? { group: resource.group, version, kind } : { group: '', version: '', kind }

const resourceEntry = (resource: ResourceDefinition, version: string) => ({
  resource: resource.plural,
  responseKind: responseKind(resource, version),
  scope: resource.namespaced ? 'Namespaced' : 'Cluster',
  singularResource: resource.kind.toLowerCase(),
  verbs: resource.verbs,
  ...(resource.shortNames ? { shortNames: resource.shortNames } : {}),
  ...(resource.categories ? { categories: resource.categories } : {}),
  ...(resource.subresources.length > 0
    ? {
        subresources: resource.subresources
          .map((sub) => ({ subresource: sub.name, responseKind: responseKind(resource, version, sub.kind, sub.group, sub.version), verbs: sub.verbs }))
          .sort(byName((entry) => entry.subresource)),
      }
    : {}),
})

const versionEntry = (group: string, version: string) => ({
  version,
  resources: RESOURCES.filter((resource) => resource.group === group && resource.versions.includes(version))
    .map((resource) => resourceEntry(resource, version))
    .sort(byName((entry) => entry.resource)),
  freshness: 'Current',
})

/** The APIGroupDiscoveryList of `/api` (the core group, unnamed) or `/apis` (every served group, preferred version first). */
export const aggregatedDiscovery = (path: '/api' | '/apis', version: DiscoveryVersion = 'v2') => ({
  kind: 'APIGroupDiscoveryList',
  apiVersion: `apidiscovery.k8s.io/${version}`,
  metadata: {},
  items:
    path === '/api'
      ? [{ metadata: { creationTimestamp: null }, versions: [versionEntry('', 'v1')] }]
      : API_GROUPS.map((group) => ({ metadata: { name: group.name, creationTimestamp: null }, versions: group.versions.map((served) => versionEntry(group.name, served)) })),
})

const documents = new Map<string, { bytes: Buffer; etag: string }>()

/** Answers `/api` or `/apis` when the Accept asks for aggregated discovery (Etag, `If-None-Match` → 304); false otherwise. */
export const serveAggregatedDiscovery = (request: IncomingMessage, response: ServerResponse, path: '/api' | '/apis'): boolean => {
  const version = aggregatedDiscoveryVersion(request.headers.accept)
  if (!version) return false
  const key = `${path} ${version}`
  let document = documents.get(key)
  if (!document) {
    const bytes = Buffer.from(JSON.stringify(aggregatedDiscovery(path, version)))
    document = { bytes, etag: `"${createHash('sha512').update(bytes).digest('hex').toUpperCase()}"` }
    documents.set(key, document)
  }
  const headers = { 'Cache-Control': 'public', Etag: document.etag, Vary: 'Accept' }
  if (request.headers['if-none-match'] === document.etag) {
    response.writeHead(304, headers)
    response.end()
    return true
  }
  response.writeHead(200, { ...headers, 'Content-Type': `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`, 'Content-Length': document.bytes.length })
  response.end(request.method === 'HEAD' ? undefined : document.bytes)
  return true
}
