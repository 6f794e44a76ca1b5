// The eviction, log and scale subresources.
import type { KubeObject } from '../../store/kube-object.js'
import { evictPod } from '../../registry/evict-pod.js'
import { applyScale, scaleOf } from '../../registry/scale-subresource.js'
import { genericInvalid } from '../../registry/status.js'
import { replaceObject } from '../../registry/write-objects.js'
import { readBodyAs } from '../decode-body.js'
import { mediaType, readBody, sendJson } from '../http-io.js'
import { patchDocument } from '../patch-object.js'
import { readPodLog } from '../pod-log.js'
import { loadObject, type RequestScope } from '../request-scope.js'
import { isObjectLike } from './patch-resource.js'

const EVICTION = { group: 'policy', version: 'v1', kind: 'Eviction' }
const SCALE = { group: 'autoscaling', version: 'v1', kind: 'Scale' }

export const evictResource = async ({ context, request, response, namespace = '', name = '' }: RequestScope): Promise<void> => {
  sendJson(response, 201, evictPod(context.store, namespace, name, await readBodyAs(request, EVICTION)))
}

export const readLog = (scope: RequestScope): void => readPodLog(scope.context, scope.response, loadObject(scope), scope.query)

export const getScale = (scope: RequestScope): void => sendJson(scope.response, 200, scaleOf(loadObject(scope)))

/** PUT or PATCH of a Scale: the workload's replicas change, through the registry's update. */
export const replaceScale = async (scope: RequestScope): Promise<void> => {
  const { context, request, response, resource, name = '', query } = scope
  const current = loadObject(scope)
  const scale =
    scope.method === 'PUT'
      ? ((await readBodyAs(request, SCALE)) as KubeObject)
      : patchDocument({ ...resource, kind: 'Scale' }, mediaType(request.headers['content-type']), await readBody(request), scaleOf(current), query)
  if (!isObjectLike(scale)) throw genericInvalid()
  sendJson(response, 200, scaleOf(replaceObject(context.store, resource, name, applyScale(current, scale), undefined, scope.write)))
}
