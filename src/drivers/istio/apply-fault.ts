import type { ActivityFunctionContext } from '../../experiment/activity-function.js'
import { ActivityFailedError } from '../../errors.js'
import type { DriverSecrets } from '../kubernetes/client.js'
import { connect } from '../kubernetes/connect.js'
import { readSnapshot, restoreFaults, SNAPSHOT_ANNOTATION } from './fault-snapshot.js'
import { describeDestinations, matchingEntries, targetsOf, withFault, withoutFault, type HttpRoute } from './http-routes.js'
import { getVirtualService, mergePatchVirtualService, type HttpResult, type VirtualServiceRef } from './virtual-service-api.js'
import { isSameJson } from './is-same-json.js'

/** `{ set: fault }` injects it on the matching entries; `'unset'` removes (strict: restores) their faults. */
export type FaultChange = { set: unknown } | 'unset'

interface ReadVirtualService {
  http: HttpRoute[]
  object: { metadata?: { resourceVersion?: string } }
}

const readVirtualService = (result: HttpResult, ref: VirtualServiceRef): ReadVirtualService => {
  if (result.status !== 200) {
    throw new ActivityFailedError(`Virtual Service '${ref.name}' does not exist: ${typeof result.body === 'string' ? result.body : JSON.stringify(result.body)}`)
  }
  const object = result.body as ReadVirtualService['object'] & { spec?: { http?: HttpRoute[] } }
  const http = object.spec?.http
  if (!Array.isArray(http)) throw new ActivityFailedError(`Virtual Service '${ref.name}' in namespace '${ref.ns}' has no spec.http routes to put a fault on`)
  return { http, object }
}

/**
 * chaosistio's `set_fault`/`unset_fault`: GET the VirtualService, change the `fault` of every `http` entry
 * routing to one of the `(host, subset)` targets, merge-patch `spec.http` back and return `{status, body, headers}`
 * (a refused PATCH is returned, not thrown). In strict mode: no matching route is an error, the write carries
 * the read `resourceVersion` (a conflict is an error), a refused write is an error, the first fault stores a
 * snapshot annotation and removal restores the snapshot's faults exactly.
 *
 * @example
 * await applyFault({ name: 'reviews', ns: 'bookinfo', version: 'networking.istio.io/v1alpha3' }, routes, { set: { delay: { fixedDelay: '5s' } } }, secrets, context)
 */
export const applyFault = async (
  ref: VirtualServiceRef,
  routes: readonly unknown[],
  change: FaultChange,
  secrets: DriverSecrets,
  context: ActivityFunctionContext,
): Promise<HttpResult> => {
  const { custom } = connect(secrets)
  const { http, object } = readVirtualService(await getVirtualService(custom, ref), ref)
  const indexes = matchingEntries(http, targetsOf(routes))
  const wanted = targetsOf(routes).map(([host, subset]) => `${host ?? '?'}${subset ? `/${subset}` : ''}`).join(', ') || 'no destination'
  if (!context.strict) {
    const next = change === 'unset' ? withoutFault(http, indexes) : withFault(http, indexes, change.set)
    if (indexes.length === 0) context.log(`no HTTP route of VirtualService '${ref.name}' goes to ${wanted}; the PATCH changes nothing`)
    return mergePatchVirtualService(custom, ref, { apiVersion: ref.version, kind: 'VirtualService', metadata: { name: ref.name }, spec: { http: next } })
  }
  if (indexes.length === 0) {
    throw new ActivityFailedError(
      `no HTTP route of VirtualService '${ref.name}' in namespace '${ref.ns}' goes to ${wanted} (its routes go to ${describeDestinations(http)}); fix 'routes' so the fault reaches a route`,
    )
  }
  const snapshot = readSnapshot(object)
  let next: HttpRoute[]
  let annotation: string | null
  if (change === 'unset') {
    const restored = snapshot ? restoreFaults(http, snapshot, indexes) : undefined
    if (snapshot && !restored) context.log(`the routes of VirtualService '${ref.name}' changed since the fault was injected; removing the fault keys instead`)
    next = restored ?? withoutFault(http, indexes)
    annotation = snapshot && !isSameJson(next, snapshot) ? JSON.stringify(snapshot) : null
  } else {
    next = withFault(http, indexes, change.set)
    annotation = JSON.stringify(snapshot ?? http)
  }
  const metadata = { name: ref.name, resourceVersion: object.metadata?.resourceVersion, annotations: { [SNAPSHOT_ANNOTATION]: annotation } }
  const result = await mergePatchVirtualService(custom, ref, { apiVersion: ref.version, kind: 'VirtualService', metadata, spec: { http: next } })
  if (result.status === 409) {
    throw new ActivityFailedError(`VirtualService '${ref.name}' in namespace '${ref.ns}' was changed by someone else while the fault was being applied (409 Conflict); nothing was written, run the activity again`)
  }
  if (result.status < 200 || result.status >= 300) {
    throw new ActivityFailedError(`the API server refused the change to VirtualService '${ref.name}' in namespace '${ref.ns}' (${result.status}): ${JSON.stringify(result.body)}`)
  }
  const written = (result.body as { spec?: { http?: HttpRoute[] } }).spec?.http ?? []
  const lost = indexes.filter((index) => !isSameJson(written[index]?.fault, next[index]?.fault))
  if (lost.length > 0) {
    throw new ActivityFailedError(`VirtualService '${ref.name}' was written but the API server did not keep the fault of route entries ${lost.join(', ')}; check the fault's fields`)
  }
  context.log(`${change === 'unset' ? 'removed the fault from' : 'injected the fault into'} ${indexes.length} route entr${indexes.length === 1 ? 'y' : 'ies'} of VirtualService '${ref.name}'`)
  return result
}
