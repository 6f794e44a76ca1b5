// WATCH: chunked NDJSON events with resourceVersion replay, selector-aware ADDED/DELETED and BOOKMARKs.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KubeObject } from '../store/kube-object.js'
import type { StoreEvent } from '../store/store.js'
import { StoreError } from '../store/store-error.js'
import type { ApiContext } from './api-context.js'
import { matchesSelectors, type Selectors } from '../registry/list-objects.js'
import { presentObject } from './present-object.js'
import { apiVersionOf, storeKey, type ResourceDefinition } from '../registry/resource-definition.js'
import { badRequest, failure } from '../registry/status.js'

const DEFAULT_TIMEOUT_SECONDS = 1800

const BOOKMARK_SKELETONS: Record<string, Record<string, unknown>> = {
  Pod: { spec: { containers: null }, status: {} },
  Node: { spec: {}, status: { daemonEndpoints: { kubeletEndpoint: { Port: 0 } }, nodeInfo: {} } },
  Deployment: { spec: { selector: null, template: { metadata: { creationTimestamp: null }, spec: { containers: null } }, strategy: {} }, status: {} },
  ReplicaSet: { spec: { selector: null, template: { metadata: { creationTimestamp: null }, spec: { containers: null } } }, status: { replicas: 0 } },
  Service: { spec: {}, status: { loadBalancer: {} } },
  Namespace: { spec: {}, status: {} },
}

const bookmarkObject = (resource: ResourceDefinition, version: string, resourceVersion: number) =>
  resource.custom
    ? { apiVersion: apiVersionOf(resource.group, version), kind: resource.kind, metadata: { resourceVersion: String(resourceVersion) } }
    : {
        kind: resource.kind,
        apiVersion: apiVersionOf(resource.group, version),
        metadata: { resourceVersion: String(resourceVersion), creationTimestamp: null },
        ...(BOOKMARK_SKELETONS[resource.kind] ?? {}),
      }

export interface WatchRequest {
  resource: ResourceDefinition
  version: string
  namespace: string | undefined
  query: URLSearchParams
  selectors: Selectors
}

/** Serves one watch until timeoutSeconds, client disconnect, or server close. */
export const watchObjects = (context: ApiContext, request: IncomingMessage, response: ServerResponse, watch: WatchRequest): void => {
  const { resource, version, namespace, query, selectors } = watch
  const requested = query.get('resourceVersion')
  const fromInitial = !requested || requested === '0'
  const from = fromInitial ? undefined : Number(requested)
  if (from !== undefined && (!Number.isInteger(from) || from < 0)) throw badRequest(`invalid resource version: ${requested}`)
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS)

  response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' })
  response.flushHeaders()
  const send = (type: string, object: unknown) => {
    if (!response.writableEnded) response.write(`${JSON.stringify({ type, object })}\n`)
  }
  const fault = context.watchFault?.(new URL(request.url ?? '/', 'http://x').pathname, query)
  if (fault) {
    send('ERROR', fault)
    response.end()
    return
  }
  const present = (object: KubeObject) => presentObject(resource, version, object)
  const identity = (object: KubeObject) => `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`
  // Objects the client has been told match, and objects seen not matching; anything else predates the watch.
  const matching = new Set<string>()
  const notMatching = new Set<string>()

  const onEvent = (event: StoreEvent) => {
    const id = identity(event.object)
    const matchesNow = matchesSelectors(selectors, event.object)
    const known = matching.has(id)
    if (event.type === 'DELETED') {
      if (known || matchesNow) send('DELETED', present(event.object))
      matching.delete(id)
      notMatching.delete(id)
      return
    }
    if (matchesNow) {
      const type = event.type === 'ADDED' || notMatching.has(id) ? 'ADDED' : 'MODIFIED'
      matching.add(id)
      notMatching.delete(id)
      send(type, present(event.object))
    } else {
      if (known) send('DELETED', present(event.object))
      matching.delete(id)
      notMatching.add(id)
    }
  }

  let unsubscribe: () => void = () => {}
  const timers: NodeJS.Timeout[] = []
  const finish = () => {
    unsubscribe()
    for (const timer of timers) clearTimeout(timer)
    context.watches.delete(finish)
    if (!response.writableEnded) response.end()
  }
  context.watches.add(finish)
  request.on('close', finish)
  response.on('close', finish)

  try {
    if (fromInitial) {
      for (const object of context.store.list(storeKey(resource), namespace)) {
        if (matchesSelectors(selectors, object)) {
          matching.add(identity(object))
          send('ADDED', present(object))
        } else {
          notMatching.add(identity(object))
        }
      }
      unsubscribe = context.store.watch(storeKey(resource), { namespace }, onEvent)
    } else {
      // Objects untouched since `from` are as the client saw them then; the rest are classified by the replay.
      for (const object of context.store.list(storeKey(resource), namespace)) {
        if (Number(object.metadata.resourceVersion) > from!) continue
        if (matchesSelectors(selectors, object)) matching.add(identity(object))
        else notMatching.add(identity(object))
      }
      unsubscribe = context.store.watch(storeKey(resource), { namespace, fromResourceVersion: from }, onEvent)
    }
  } catch (error) {
    if (!(error instanceof StoreError) || error.reason !== 'Expired') throw error
    send('ERROR', failure(410, 'Expired', error.message))
    finish()
    return
  }
  if (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0) timers.push(setTimeout(finish, timeoutSeconds * 1000))
  if (query.get('allowWatchBookmarks') === 'true') {
    const bookmark = setInterval(() => send('BOOKMARK', bookmarkObject(resource, version, Math.max(context.store.revision, from ?? 0))), context.bookmarkIntervalMs)
    timers.push(bookmark)
  }
}
