// PATCH of a named object or its status: server-side apply, or a JSON, merge or strategic-merge patch.
import type { KubeObject } from '../../store/kube-object.js'
import type { ResourceDefinition } from '../../registry/resource-definition.js'
import { badRequest, genericInvalid } from '../../registry/status.js'
import { replaceObject } from '../../registry/write-objects.js'
import { checkObjectFields, checkPatchFields, fieldValidationOf, sendWarnings } from '../field-validation/check-fields.js'
import { mediaType, readBody, sendJson } from '../http-io.js'
import { patchDocument } from '../patch-object.js'
import { loadObject, presentIn, type RequestScope } from '../request-scope.js'
import { applyObject } from '../server-side-apply/apply-object.js'

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

export const isObjectLike = (value: unknown): value is KubeObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as KubeObject).metadata === 'object' && (value as KubeObject).metadata !== null

const applyResource = async (scope: RequestScope): Promise<void> => {
  const { context, request, response, resource, version, namespace, name = '', query, write } = scope
  const manager = query.get('fieldManager')
  if (!manager) throw badRequest('PATCH /apply requires fieldManager')
  const body = await readBody(request)
  const applied = applyObject(context.store, { resource, version, namespace, name, body, manager, force: query.get('force') === 'true', write })
  sendJson(response, applied.created ? 201 : 200, presentIn(scope, applied.object))
}

export const patchResource = async (scope: RequestScope): Promise<void> => {
  const { context, request, response, resource, version, namespace, name = '', subresource, query } = scope
  const type = mediaType(request.headers['content-type'])
  if (type === 'application/apply-patch+yaml' && subresource === undefined) return applyResource(scope)
  const current = loadObject(scope)
  const text = await readBody(request)
  const warnings = checkPatchBody(resource, version, type, text, query)
  const patched = patchDocument(resource, type, text, presentIn(scope, current), query)
  if (!isObjectLike(patched)) throw genericInvalid()
  if (resource.namespaced) patched.metadata.namespace = namespace
  warnings.push(...checkObjectFields(resource, version, patched, undefined, type === 'application/json-patch+json' ? fieldValidationOf(query) : 'Ignore'))
  sendWarnings(response, warnings)
  sendJson(response, 200, presentIn(scope, replaceObject(context.store, resource, name, patched, subresource, scope.write)))
}
