import { findResource, isServedGroup, isServedGroupVersion } from '../registry/resource-table.js'
import { type ResourceDefinition } from '../registry/resource-definition.js'

export interface ResourceRoute {
  type: 'resource'
  resource: ResourceDefinition
  version: string
  namespace?: string
  name?: string
  subresource?: string
  /** Legacy `/api/v1/watch/...` path. */
  watchPath: boolean
}

export type Route =
  | { type: 'api-versions' }
  | { type: 'api-groups' }
  | { type: 'api-group'; group: string }
  | { type: 'resource-list'; group: string; version: string }
  | ResourceRoute
  /** Outside every API group: plain-text `404 page not found`. */
  | { type: 'no-route' }
  /** Inside a served group-version, but nothing there: JSON Status 404. */
  | { type: 'no-resource' }

/** Maps a request path onto the resource table, the way kube-apiserver's mux and its group handlers do. */
export const parsePath = (pathname: string): Route => {
  let segments: string[]
  try {
    segments = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    return { type: 'no-route' }
  }
  if (segments[0] === 'api') {
    if (segments.length === 1) return { type: 'api-versions' }
    if (segments[1] !== 'v1') return { type: 'no-route' }
    return routeInGroupVersion('', 'v1', segments.slice(2))
  }
  if (segments[0] !== 'apis') return { type: 'no-route' }
  if (segments.length === 1) return { type: 'api-groups' }
  const group = segments[1]!
  if (!isServedGroup(group)) return { type: 'no-route' }
  if (segments.length === 2) return { type: 'api-group', group }
  const version = segments[2]!
  if (!isServedGroupVersion(group, version)) return { type: 'no-resource' }
  return routeInGroupVersion(group, version, segments.slice(3))
}

const routeInGroupVersion = (group: string, version: string, rest: string[]): Route => {
  if (rest.length === 0) return { type: 'resource-list', group, version }
  const watchPath = rest[0] === 'watch'
  const parts = watchPath ? rest.slice(1) : rest
  let namespace: string | undefined
  let tail = parts
  if (parts[0] === 'namespaces' && parts.length >= 3 && !(group === '' && parts.length === 3 && ['status', 'finalize'].includes(parts[2]!))) {
    namespace = parts[1]
    tail = parts.slice(2)
  }
  const [plural, name, subresource, ...extra] = tail
  if (!plural || extra.length > 0) return { type: 'no-resource' }
  const resource = findResource(group, version, plural)
  if (!resource) return { type: 'no-resource' }
  if (namespace !== undefined && !resource.namespaced) return { type: 'no-resource' }
  if (namespace === undefined && resource.namespaced && name !== undefined) return { type: 'no-resource' }
  if (subresource !== undefined && !resource.subresources.some((entry) => entry.name === subresource)) return { type: 'no-resource' }
  if (watchPath && subresource !== undefined) return { type: 'no-resource' }
  return {
    type: 'resource',
    resource,
    version,
    watchPath,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(subresource !== undefined ? { subresource } : {}),
  }
}
