// WATCH: chunked NDJSON events with resourceVersion replay, selector-aware ADDED/DELETED and BOOKMARKs.
import type { KubeObject } from '../store/kube-object.js'
import type { Store, StoreEvent } from '../store/store.js'
import { StoreError } from '../store/store-error.js'
import { matchesSelectors, type Selectors } from '../registry/list-objects.js'
import { presentObject } from './present-object.js'
import type { RequestScope } from './request-scope.js'
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

type Send = (type: string, object: unknown) => void

const identity = (object: KubeObject) => `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`

/**
 * Turns store events into watch events through the selectors: an object that starts or stops matching is
 * ADDED or DELETED for this client. It remembers what the client was told matches, and what it saw not matching;
 * anything else predates the watch.
 */
const selectorView = (selectors: Selectors, send: Send, present: (object: KubeObject) => KubeObject) => {
  const matching = new Set<string>()
  const notMatching = new Set<string>()
  return {
    /** Records an object that exists as the watch starts; `announce` sends it as ADDED when it matches. */
    seed(object: KubeObject, announce: boolean) {
      const matches = matchesSelectors(selectors, object)
      ;(matches ? matching : notMatching).add(identity(object))
      if (matches && announce) send('ADDED', present(object))
    },
    onEvent(event: StoreEvent) {
      const id = identity(event.object)
      const matchesNow = matchesSelectors(selectors, event.object)
      const known = matching.has(id)
      if (event.type === 'DELETED') {
        if (known || matchesNow) send('DELETED', present(event.object))
        matching.delete(id)
        notMatching.delete(id)
      } else if (matchesNow) {
        const type = event.type === 'ADDED' || notMatching.has(id) ? 'ADDED' : 'MODIFIED'
        matching.add(id)
        notMatching.delete(id)
        send(type, present(event.object))
      } else {
        if (known) send('DELETED', present(event.object))
        matching.delete(id)
        notMatching.add(id)
      }
    },
  }
}

/**
 * Subscribes from the start (every matching object ADDED first) or from a resourceVersion: objects untouched
 * since then are as the client saw them, the rest are classified by the replay. Throws the store's Expired.
 */
const subscribe = (store: Store, key: string, namespace: string | undefined, from: number | undefined, view: ReturnType<typeof selectorView>): (() => void) => {
  for (const object of store.list(key, namespace)) {
    if (from === undefined) view.seed(object, true)
    else if (Number(object.metadata.resourceVersion) <= from) view.seed(object, false)
  }
  return store.watch(key, { namespace, ...(from !== undefined ? { fromResourceVersion: from } : {}) }, (event) => view.onEvent(event))
}

/** Serves one watch until timeoutSeconds, client disconnect, or server close. */
export const watchObjects = ({ context, request, response, resource, version, namespace, query }: RequestScope, selectors: Selectors): void => {
  const requested = query.get('resourceVersion')
  const from = !requested || requested === '0' ? undefined : Number(requested)
  if (from !== undefined && (!Number.isInteger(from) || from < 0)) throw badRequest(`invalid resource version: ${requested}`)
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS)

  response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' })
  response.flushHeaders()
  const send: Send = (type, object) => {
    if (!response.writableEnded) response.write(`${JSON.stringify({ type, object })}\n`)
  }
  const fault = context.watchFault?.(new URL(request.url ?? '/', 'http://x').pathname, query)
  if (fault) {
    send('ERROR', fault)
    response.end()
    return
  }
  const view = selectorView(selectors, send, (object) => presentObject(resource, version, object))

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
    unsubscribe = subscribe(context.store, storeKey(resource), namespace, from, view)
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
