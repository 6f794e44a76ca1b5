// Verb dispatch for one resource route: get/list/watch/create/update/patch/delete/deletecollection and subresources.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KubeObject } from '../store/kube-object.js'
import type { ApiContext } from './api-context.js'
import { readBodyAs, readObject } from './decode-body.js'
import { deleteObject, type DeleteOptions } from '../registry/delete-object.js'
import { evictPod } from '../registry/evict-pod.js'
import { mediaType, readBody, readBodyBytes, sendJson } from './http-io.js'
import { PROTOBUF_MEDIA_TYPE } from './protobuf/protobuf-envelope.js'
import { listObjects, parseSelectors } from '../registry/list-objects.js'
import type { ResourceRoute } from './parse-path.js'
import { apiVersionOf, type ResourceDefinition } from '../registry/resource-definition.js'
import { applyObject } from './server-side-apply/apply-object.js'
import { managerFromUserAgent } from './server-side-apply/managed-fields.js'
import { recordUpdatesBy } from './server-side-apply/record-managers.js'
import { patchDocument } from './patch-object.js'
import { readPodLog } from './pod-log.js'
import { listBody, presentObject } from './present-object.js'
import { storeKey } from '../registry/resource-definition.js'
import { applyScale, scaleOf } from '../registry/scale-subresource.js'
import { ApiError, badRequest, deletedDetails, genericInvalid, methodNotAllowed, notFound, success } from '../registry/status.js'
import { tableFor, wantsTable } from './tables/build-table.js'
import { watchObjects } from './watch-objects.js'
import { createObject, replaceObject, type WriteOptions } from '../registry/write-objects.js'
import { checkObjectFields, checkPatchFields, fieldValidationOf, sendWarnings } from './field-validation/check-fields.js'

const DELETE_OPTIONS = { group: '', version: 'v1', kind: 'DeleteOptions', optional: true }
const EVICTION = { group: 'policy', version: 'v1', kind: 'Eviction' }
const SCALE = { group: 'autoscaling', version: 'v1', kind: 'Scale' }

const readDeleteOptions = async (request: IncomingMessage, query: URLSearchParams, custom?: boolean): Promise<DeleteOptions> => {
  const decoded = await readBodyAs(request, { ...DELETE_OPTIONS, custom })
  const body = (decoded === undefined ? {} : decoded) as DeleteOptions & { orphanDependents?: boolean }
  if (typeof body !== 'object' || body === null) throw badRequest('DeleteOptions must be a JSON object')
  const grace = query.get('gracePeriodSeconds')
  const policy = query.get('propagationPolicy')
  return {
    ...body,
    ...(grace !== null && Number.isFinite(Number(grace)) ? { gracePeriodSeconds: Number(grace) } : {}),
    ...(policy ? { propagationPolicy: policy as DeleteOptions['propagationPolicy'] } : {}),
    ...(body.orphanDependents === true || query.get('orphanDependents') === 'true' ? { propagationPolicy: 'Orphan' as const } : {}),
  }
}

const isDryRun = (query: URLSearchParams): boolean => query.getAll('dryRun').includes('All')

/** Unknown and duplicate fields of a merge or strategic-merge patch body (JSON patches are checked on their result). */
const checkPatchBody = (resource: ResourceDefinition, version: string, type: string, text: string, query: URLSearchParams): string[] => {
  if (type !== 'application/merge-patch+json' && type !== 'application/strategic-merge-patch+json') return []
  let patch: unknown
  try {
    patch = JSON.parse(text)
  } catch {
    return []
  }
  return checkPatchFields(resource, version, patch, text, fieldValidationOf(query))
}

/** The request's object, its unknown and duplicate fields checked (JSON bodies; protobuf has no such fields). */
const readCheckedObject = async (request: IncomingMessage, resource: ResourceDefinition, version: string, namespace: string | undefined, query: URLSearchParams) => {
  const bytes = await readBodyBytes(request)
  const object = await readObject(request, resource, version, namespace, bytes)
  const text = mediaType(request.headers['content-type']) === PROTOBUF_MEDIA_TYPE ? undefined : bytes.toString('utf8')
  return { object, warnings: checkObjectFields(resource, version, object, text, fieldValidationOf(query)) }
}

const isObjectLike = (value: unknown): value is KubeObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as KubeObject).metadata === 'object' && (value as KubeObject).metadata !== null

/** Serves one request on a resource route. */
export const handleResource = async (context: ApiContext, request: IncomingMessage, response: ServerResponse, route: ResourceRoute, query: URLSearchParams): Promise<void> => {
  const { store } = context
  const { resource, version, namespace, name, subresource } = route
  const key = storeKey(resource)
  const method = request.method ?? 'GET'
  const present = (object: KubeObject) => presentObject(resource, version, object)
  const load = () => {
    const found = store.get(key, namespace, name!)
    if (!found) throw notFound(resource, name!)
    return found
  }
  const table = wantsTable(request.headers.accept)
  const writeOptionsOf = (query: URLSearchParams): WriteOptions => ({
    ...(isDryRun(query) ? { dryRun: true } : {}),
    recordManagers: recordUpdatesBy(resource, { name: query.get('fieldManager') || managerFromUserAgent(request.headers['user-agent']), operation: 'Update', apiVersion: apiVersionOf(resource.group, version), ...(subresource ? { subresource } : {}) }),
  })

  if (method === 'GET' && (route.watchPath || ['true', '1'].includes(query.get('watch') ?? ''))) {
    if (name !== undefined) query.set('fieldSelector', [query.get('fieldSelector'), `metadata.name=${name}`].filter(Boolean).join(','))
    watchObjects(context, request, response, { resource, version, namespace, query, selectors: parseSelectors(query, resource) })
    return
  }
  if (name === undefined) {
    if (method === 'GET') {
      const page = await listObjects(store, resource, namespace, query, parseSelectors(query, resource))
      sendJson(response, 200, table ? tableFor(resource, version, page, query) : listBody(resource, version, page))
      return
    }
    if (method === 'POST') {
      const { object, warnings } = await readCheckedObject(request, resource, version, namespace, query)
      sendWarnings(response, warnings)
      sendJson(response, 201, present(createObject(store, resource, object, writeOptionsOf(query))))
      return
    }
    if (method === 'DELETE' && resource.verbs.includes('deletecollection')) {
      const options = await readDeleteOptions(request, query, resource.custom)
      const page = await listObjects(store, resource, namespace, new URLSearchParams(), parseSelectors(query, resource))
      for (const item of page.items) {
        try {
          deleteObject(store, resource, item.metadata.namespace, item.metadata.name ?? '', options)
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 404)) throw error
        }
      }
      sendJson(response, 200, listBody(resource, version, page))
      return
    }
    throw methodNotAllowed()
  }

  if (subresource === 'eviction') {
    if (method !== 'POST') throw methodNotAllowed()
    sendJson(response, 201, evictPod(store, namespace!, name, await readBodyAs(request, EVICTION)))
    return
  }
  if (subresource === 'log') {
    if (method !== 'GET') throw methodNotAllowed()
    readPodLog(context, response, load(), query)
    return
  }
  if (subresource === 'scale') {
    if (method === 'GET') return sendJson(response, 200, scaleOf(load()))
    if (method !== 'PUT' && method !== 'PATCH') throw methodNotAllowed()
    const current = load()
    const scale =
      method === 'PUT'
        ? ((await readBodyAs(request, SCALE)) as KubeObject)
        : patchDocument({ ...resource, kind: 'Scale' }, mediaType(request.headers['content-type']), await readBody(request), scaleOf(current), query)
    if (!isObjectLike(scale)) throw genericInvalid()
    sendJson(response, 200, scaleOf(replaceObject(store, resource, name, applyScale(current, scale), undefined, writeOptionsOf(query))))
    return
  }

  switch (method) {
    case 'GET': {
      const object = load()
      sendJson(response, 200, table ? tableFor(resource, version, { items: [object], resourceVersion: object.metadata.resourceVersion ?? '' }, query) : present(object))
      return
    }
    case 'PUT': {
      const { object, warnings } = await readCheckedObject(request, resource, version, namespace, query)
      sendWarnings(response, warnings)
      sendJson(response, 200, present(replaceObject(store, resource, name, object, subresource, writeOptionsOf(query))))
      return
    }
    case 'PATCH': {
      const type = mediaType(request.headers['content-type'])
      if (type === 'application/apply-patch+yaml' && subresource === undefined) {
        const manager = query.get('fieldManager')
        if (!manager) throw badRequest('PATCH /apply requires fieldManager')
        const body = await readBody(request)
        const applied = applyObject(store, { resource, version, namespace, name, body, manager, force: query.get('force') === 'true', write: writeOptionsOf(query) })
        sendJson(response, applied.created ? 201 : 200, present(applied.object))
        return
      }
      const current = load()
      const text = await readBody(request)
      const warnings = checkPatchBody(resource, version, type, text, query)
      const patched = patchDocument(resource, type, text, present(current), query)
      if (!isObjectLike(patched)) throw genericInvalid()
      if (resource.namespaced) patched.metadata.namespace = namespace
      warnings.push(...checkObjectFields(resource, version, patched, undefined, type === 'application/json-patch+json' ? fieldValidationOf(query) : 'Ignore'))
      sendWarnings(response, warnings)
      sendJson(response, 200, present(replaceObject(store, resource, name, patched, subresource, writeOptionsOf(query))))
      return
    }
    case 'DELETE': {
      if (subresource !== undefined) throw methodNotAllowed()
      const options = await readDeleteOptions(request, query, resource.custom)
      if (isDryRun(query)) {
        sendJson(response, 200, present(load()))
        return
      }
      const outcome = deleteObject(store, resource, namespace, name, options)
      const answerObject = !outcome.removed || resource.hooks?.deleteAnswersObject === true
      sendJson(response, 200, answerObject ? present(outcome.object) : success(deletedDetails(resource, name, outcome.object.metadata.uid)))
      return
    }
    default:
      throw methodNotAllowed()
  }
}
