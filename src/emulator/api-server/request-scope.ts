// One resource request, parsed once: what every verb handler takes.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KubeObject } from '../store/kube-object.js'
import { apiVersionOf, storeKey, type ResourceDefinition } from '../registry/resource-definition.js'
import { notFound } from '../registry/status.js'
import { parseSelectors, type ListOptions, type Selectors } from '../registry/list-objects.js'
import type { WriteOptions } from '../registry/write-objects.js'
import type { ApiContext } from './api-context.js'
import type { ResourceRoute } from './parse-path.js'
import { presentObject } from './present-object.js'
import { managerFromUserAgent } from './server-side-apply/managed-fields.js'
import { recordUpdatesBy } from './server-side-apply/record-managers.js'
import { wantsTable } from './tables/build-table.js'

export interface RequestScope {
  context: ApiContext
  request: IncomingMessage
  response: ServerResponse
  method: string
  resource: ResourceDefinition
  /** The group-version the URL names: what bodies are read as and answers are written in. */
  version: string
  namespace?: string
  name?: string
  subresource?: string
  query: URLSearchParams
  /** `GET` on a legacy `/watch/` path or with `?watch=true`. */
  watch: boolean
  /** The Accept header asks for a `meta.k8s.io` Table. */
  table: boolean
  /** `?dryRun=All`: every check runs, nothing is stored. */
  dryRun: boolean
  /** What each write of this request carries: dry run, and the Update field manager named by `fieldManager` or the User-Agent. */
  write: WriteOptions
}

const isWatch = (method: string, route: ResourceRoute, query: URLSearchParams): boolean =>
  method === 'GET' && (route.watchPath || ['true', '1'].includes(query.get('watch') ?? ''))

/** Parses a resource request once: its route, query, media wishes and write options. */
export const scopeRequest = (context: ApiContext, request: IncomingMessage, response: ServerResponse, route: ResourceRoute, query: URLSearchParams): RequestScope => {
  const { resource, version, namespace, name, subresource } = route
  const method = request.method ?? 'GET'
  const dryRun = query.getAll('dryRun').includes('All')
  const manager = {
    name: query.get('fieldManager') || managerFromUserAgent(request.headers['user-agent']),
    operation: 'Update' as const,
    apiVersion: apiVersionOf(resource.group, version),
    ...(subresource ? { subresource } : {}),
  }
  return {
    context,
    request,
    response,
    method,
    resource,
    version,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(subresource !== undefined ? { subresource } : {}),
    query,
    watch: isWatch(method, route, query),
    table: wantsTable(request.headers.accept),
    dryRun,
    write: { ...(dryRun ? { dryRun: true } : {}), recordManagers: recordUpdatesBy(resource, manager) },
  }
}

/** The object the URL names, or the 404 a real server answers. */
export const loadObject = ({ context, resource, namespace, name = '' }: RequestScope): KubeObject => {
  const found = context.store.get(storeKey(resource), namespace, name)
  if (!found) throw notFound(resource, name)
  return found
}

/** The query's `labelSelector` and `fieldSelector`, parsed when a verb needs them (list, watch, deletecollection). */
export const selectorsOf = ({ query, resource }: RequestScope): Selectors => parseSelectors(query.get('labelSelector') ?? '', query.get('fieldSelector') ?? '', resource)

/** The query's LIST parameters: resourceVersion (and its match), continue, limit. */
export const listOptionsOf = ({ query }: RequestScope): ListOptions => {
  const value = (name: string) => query.get(name) ?? undefined
  return { resourceVersion: value('resourceVersion'), resourceVersionMatch: value('resourceVersionMatch'), continue: value('continue'), limit: Number(query.get('limit') ?? 0) }
}

/** A stored object as this request's group-version serves it. */
export const presentIn = ({ resource, version }: RequestScope, object: KubeObject): KubeObject => presentObject(resource, version, object)
