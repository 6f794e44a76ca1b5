import { ApiException, PatchStrategy, setHeaderOptions, type CustomObjectsApi } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../errors.js'
import { describeApiError } from '../shared/api-error.js'

/** What chaosistio returns from every call: the HTTP status, the parsed body and the headers. */
export interface HttpResult {
  status: number
  body: unknown
  headers: Record<string, string>
}

/** Where a VirtualService lives: `version` is the group/version path segment, e.g. `networking.istio.io/v1alpha3`. */
export interface VirtualServiceRef {
  name: string
  ns: string
  version: string
}

const path = (ref: VirtualServiceRef) => {
  const slash = ref.version.lastIndexOf('/')
  if (slash <= 0) {
    throw new ActivityFailedError(`version '${ref.version}' must be an API group and version such as 'networking.istio.io/v1alpha3'`)
  }
  return { group: ref.version.slice(0, slash), version: ref.version.slice(slash + 1), namespace: ref.ns, plural: 'virtualservices', name: ref.name }
}

const fromError = (error: unknown): HttpResult => {
  if (!(error instanceof ApiException)) {
    throw new ActivityFailedError(`cannot reach the Kubernetes API: ${describeApiError(error)}`, { cause: error })
  }
  const headers = { ...(error.headers ?? {}) }
  const raw: unknown = error.body
  const contentType = Object.entries(headers).find(([key]) => key.toLowerCase() === 'content-type')?.[1]
  let body = raw
  if (typeof raw === 'string' && contentType === 'application/json') {
    try {
      body = JSON.parse(raw)
    } catch {
      body = raw
    }
  }
  return { status: error.code, body, headers }
}

/**
 * GETs the VirtualService; an HTTP error is returned as data (`{status: 404, ...}`), as chaosistio does.
 *
 * @example
 * const { status, body } = await getVirtualService(custom, { name: 'reviews', ns: 'bookinfo', version: 'networking.istio.io/v1alpha3' })
 */
export const getVirtualService = async (custom: CustomObjectsApi, ref: VirtualServiceRef): Promise<HttpResult> => {
  const where = path(ref)
  try {
    const info = await custom.getNamespacedCustomObjectWithHttpInfo(where)
    return { status: info.httpStatusCode, body: info.data as unknown, headers: { ...info.headers } }
  } catch (error) {
    return fromError(error)
  }
}

/** Merge-patches the VirtualService; an HTTP error is returned as data, as chaosistio does. */
export const mergePatchVirtualService = async (custom: CustomObjectsApi, ref: VirtualServiceRef, body: object): Promise<HttpResult> => {
  const where = path(ref)
  try {
    const info = await custom.patchNamespacedCustomObjectWithHttpInfo({ ...where, body }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
    return { status: info.httpStatusCode, body: info.data as unknown, headers: { ...info.headers } }
  } catch (error) {
    return fromError(error)
  }
}
