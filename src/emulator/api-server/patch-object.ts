// PATCH: json-patch, merge-patch, strategic-merge-patch (built-ins only) and a server-side apply approximation.
import { parse as parseYaml } from 'yaml'
import type { KubeObject } from '../store/kube-object.js'
import { applyJsonPatch, PatchError } from './patch/json-patch.js'
import { applyMergePatch } from './patch/merge-patch.js'
import { applyStrategicMergePatch } from './patch/strategic-merge-patch.js'
import type { ResourceDefinition } from '../registry/resource-definition.js'
import { ApiError, badRequest, failure, genericInvalid, unsupportedMediaType } from '../registry/status.js'

export const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml']

const parsePatchBody = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    throw badRequest('Invalid JSON Patch')
  }
}

const parseApplyBody = (text: string): unknown => {
  try {
    return parseYaml(text) as unknown
  } catch (error) {
    throw badRequest(`error decoding YAML: ${(error as Error).message}`)
  }
}

const asObjectPatch = (patch: unknown): Record<string, unknown> => {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`)
  }
  return patch as Record<string, unknown>
}

/**
 * The object `current` becomes under a patch of `mediaType`; throws the Status a real server answers
 * (415 for unknown types and for strategic merge on custom resources, 400 for undecodable bodies, 422 for failed JSON patches).
 */
export const patchDocument = (resource: ResourceDefinition, mediaType: string, text: string, current: KubeObject, query: URLSearchParams): KubeObject => {
  if (!PATCH_TYPES.includes(mediaType)) throw unsupportedMediaType()
  if (mediaType === 'application/strategic-merge-patch+json' && resource.custom) {
    throw new ApiError(
      failure(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml'),
    )
  }
  if (mediaType === 'application/apply-patch+yaml') {
    if (!query.get('fieldManager')) throw badRequest('PATCH /apply requires fieldManager')
    const applied = asObjectPatch(parseApplyBody(text))
    const merged = resource.custom ? applyMergePatch(current, applied) : applyStrategicMergePatch(resource.kind, current, applied)
    return merged as KubeObject
  }
  const patch = parsePatchBody(text)
  if (mediaType === 'application/json-patch+json') {
    if (!Array.isArray(patch)) throw badRequest(`json: cannot unmarshal ${typeof patch} into Go value of type jsonpatch.Patch`)
    try {
      return applyJsonPatch(current, patch) as KubeObject
    } catch (error) {
      if (error instanceof PatchError) throw genericInvalid()
      throw error
    }
  }
  const objectPatch = asObjectPatch(patch)
  if (mediaType === 'application/merge-patch+json') return applyMergePatch(current, objectPatch) as KubeObject
  try {
    return applyStrategicMergePatch(resource.kind, current, objectPatch) as KubeObject
  } catch (error) {
    throw badRequest((error as Error).message)
  }
}
