import type { ActivityFunctionContext } from '../../experiment/activity-function.js'
import { ActivityFailedError } from '../../errors.js'
import { clearedFaultAnnotations, readFaultRecord, type FaultTarget } from '../ledger/fault-record.js'
import { recordFaultIntent, recordFaultUndone } from '../ledger/record-fault.js'
import type { DriverSecrets } from '../shared/client.js'
import { connect, type KubernetesApis } from '../shared/connect.js'
import { readSnapshot, restoreFaults, SNAPSHOT_ANNOTATION } from './fault-snapshot.js'
import { describeDestinations, matchingEntries, targetsOf, withFault, withoutFault, type HttpRoute } from './http-routes.js'
import { mergePatchVirtualService, type HttpResult, type VirtualServiceRef } from './virtual-service-api.js'
import { isSameJson } from '../shared/is-same-json.js'
import { readVirtualService, type ReadVirtualService } from './read-virtual-service.js'

/** `{ set: fault }` injects it on the matching entries; `'unset'` removes (strict: restores) their faults. */
export type FaultChange = { set: unknown } | 'unset'

const isWritten = (result: HttpResult) => result.status >= 200 && result.status < 300

/**
 * Writes `next` as `spec.http` with the fault ledger: an injection records itself first (local ledger, then
 * annotations with the routes as they were before the first fault); a removal that brings the routes back to
 * that snapshot clears the record. Strict mode sends the read `resourceVersion`.
 */
const writeRoutes = async ({ kc, custom }: KubernetesApis, ref: VirtualServiceRef, read: ReadVirtualService, next: HttpRoute[], change: FaultChange, strict: boolean): Promise<HttpResult> => {
  const target: FaultTarget = { kind: 'VirtualService', name: ref.name, namespace: ref.ns, apiVersion: ref.version }
  const snapshot = readSnapshot(read.object)
  const resourceVersion = strict ? { resourceVersion: read.object.metadata?.resourceVersion } : {}
  const send = (annotations?: object) =>
    mergePatchVirtualService(custom, ref, { apiVersion: ref.version, kind: 'VirtualService', metadata: { name: ref.name, ...resourceVersion, ...(annotations ? { annotations } : {}) }, spec: { http: next } })
  if (change === 'unset') {
    const restored = snapshot === undefined || isSameJson(next, snapshot)
    const recorded = readFaultRecord(read.object) !== undefined || snapshot !== undefined
    const result = await send(restored && recorded ? clearedFaultAnnotations('http-fault') : undefined)
    if (restored && recorded && isWritten(result)) await recordFaultUndone(kc, target, 'http-fault', 'cleared')
    return result
  }
  const intent = await recordFaultIntent(kc, target, 'http-fault')
  let result: HttpResult | undefined
  try {
    result = await send({ ...intent.annotations, [SNAPSHOT_ANNOTATION]: JSON.stringify(snapshot ?? read.http) })
  } finally {
    await intent.settle(result !== undefined && isWritten(result))
  }
  return result
}

const checkWritten = (result: HttpResult, ref: VirtualServiceRef, next: HttpRoute[], indexes: readonly number[]): void => {
  if (result.status === 409) {
    throw new ActivityFailedError(`VirtualService '${ref.name}' in namespace '${ref.ns}' was changed by someone else while the fault was being applied (409 Conflict); nothing was written, run the activity again`)
  }
  if (!isWritten(result)) {
    throw new ActivityFailedError(`the API server refused the change to VirtualService '${ref.name}' in namespace '${ref.ns}' (${result.status}): ${JSON.stringify(result.body)}`)
  }
  const written = (result.body as { spec?: { http?: HttpRoute[] } }).spec?.http ?? []
  const lost = indexes.filter((index) => !isSameJson(written[index]?.fault, next[index]?.fault))
  if (lost.length > 0) {
    throw new ActivityFailedError(`VirtualService '${ref.name}' was written but the API server did not keep the fault of route entries ${lost.join(', ')}; check the fault's fields`)
  }
}

/**
 * chaosistio's `set_fault`/`unset_fault`: GET the VirtualService, change the `fault` of every `http` entry
 * routing to one of the `(host, subset)` targets, merge-patch `spec.http` back and return `{status, body, headers}`
 * (a refused PATCH is returned, not thrown). Both modes record an injection in the fault ledger first. In strict
 * mode: no matching route is an error, the write carries the read `resourceVersion` (a conflict is an error), a
 * refused write is an error, and removal restores the snapshot's faults exactly.
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
  const apis = connect(secrets, context)
  const read = await readVirtualService(apis.custom, ref)
  const { http } = read
  const indexes = matchingEntries(http, targetsOf(routes))
  const wanted = targetsOf(routes).map(([host, subset]) => `${host ?? '?'}${subset ? `/${subset}` : ''}`).join(', ') || 'no destination'
  if (indexes.length === 0) {
    if (context.strict) {
      throw new ActivityFailedError(
        `no HTTP route of VirtualService '${ref.name}' in namespace '${ref.ns}' goes to ${wanted} (its routes go to ${describeDestinations(http)}); fix 'routes' so the fault reaches a route`,
      )
    }
    context.log(`no HTTP route of VirtualService '${ref.name}' goes to ${wanted}; the PATCH changes nothing`)
    return mergePatchVirtualService(apis.custom, ref, { apiVersion: ref.version, kind: 'VirtualService', metadata: { name: ref.name }, spec: { http } })
  }
  const snapshot = readSnapshot(read.object)
  let next: HttpRoute[]
  if (change !== 'unset') next = withFault(http, indexes, change.set)
  else if (!context.strict || !snapshot) next = withoutFault(http, indexes)
  else {
    const restored = restoreFaults(http, snapshot, indexes)
    if (!restored) context.log(`the routes of VirtualService '${ref.name}' changed since the fault was injected; removing the fault keys instead`)
    next = restored ?? withoutFault(http, indexes)
  }
  const result = await writeRoutes(apis, ref, read, next, change, context.strict)
  if (!context.strict) return result
  checkWritten(result, ref, next, indexes)
  context.log(`${change === 'unset' ? 'removed the fault from' : 'injected the fault into'} ${indexes.length} route entr${indexes.length === 1 ? 'y' : 'ies'} of VirtualService '${ref.name}'`)
  return result
}
