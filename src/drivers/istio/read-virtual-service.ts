import type { CustomObjectsApi } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../errors.js'
import type { HttpRoute } from './http-routes.js'
import { getVirtualService, type VirtualServiceRef } from './virtual-service-api.js'

/** A VirtualService read for a change: its `spec.http` and the object (annotations, resourceVersion). */
export interface ReadVirtualService {
  http: HttpRoute[]
  object: { metadata?: { resourceVersion?: string; annotations?: Record<string, string> } }
}

/**
 * GETs the VirtualService and its `spec.http`, failing with chaosistio's message when it does not exist.
 *
 * @example
 * const { http, object } = await readVirtualService(custom, { name: 'reviews', ns: 'bookinfo', version: 'networking.istio.io/v1alpha3' })
 */
export const readVirtualService = async (custom: CustomObjectsApi, ref: VirtualServiceRef): Promise<ReadVirtualService> => {
  const result = await getVirtualService(custom, ref)
  if (result.status !== 200) {
    throw new ActivityFailedError(`Virtual Service '${ref.name}' does not exist: ${typeof result.body === 'string' ? result.body : JSON.stringify(result.body)}`)
  }
  const object = result.body as ReadVirtualService['object'] & { spec?: { http?: HttpRoute[] } }
  const http = object.spec?.http
  if (!Array.isArray(http)) throw new ActivityFailedError(`Virtual Service '${ref.name}' in namespace '${ref.ns}' has no spec.http routes to put a fault on`)
  return { http, object }
}
