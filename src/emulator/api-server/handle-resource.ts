// Verb dispatch for one resource route: the request is parsed once into a scope, and a table picks its handler.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { methodNotAllowed } from '../registry/status.js'
import type { ApiContext } from './api-context.js'
import type { ResourceRoute } from './parse-path.js'
import { scopeRequest, type RequestScope } from './request-scope.js'
import { createResource, deleteCollection, listResource, watchResource } from './verbs/collection-verbs.js'
import { deleteResource, getResource, replaceResource } from './verbs/object-verbs.js'
import { patchResource } from './verbs/patch-resource.js'
import { evictResource, getScale, readLog, replaceScale } from './verbs/subresource-verbs.js'

type VerbHandler = (scope: RequestScope) => void | Promise<void>
type Handlers = Partial<Record<string, VerbHandler>>

const COLLECTION: Handlers = { GET: listResource, POST: createResource, DELETE: deleteCollection }
const OBJECT: Handlers = { GET: getResource, PUT: replaceResource, PATCH: patchResource, DELETE: deleteResource }
const SUBRESOURCES: Partial<Record<string, Handlers>> = {
  eviction: { POST: evictResource },
  log: { GET: readLog },
  scale: { GET: getScale, PUT: replaceScale, PATCH: replaceScale },
}

const handlerOf = (scope: RequestScope): VerbHandler | undefined => {
  if (scope.watch) return watchResource
  if (scope.name === undefined) return COLLECTION[scope.method]
  return (SUBRESOURCES[scope.subresource ?? ''] ?? OBJECT)[scope.method]
}

/** Serves one request on a resource route. */
export const handleResource = async (context: ApiContext, request: IncomingMessage, response: ServerResponse, route: ResourceRoute, query: URLSearchParams): Promise<void> => {
  const scope = scopeRequest(context, request, response, route, query)
  const handler = handlerOf(scope)
  if (!handler) throw methodNotAllowed()
  await handler(scope)
}
