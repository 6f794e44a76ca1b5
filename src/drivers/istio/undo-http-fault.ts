import { ApiException, CustomObjectsApi } from '@kubernetes/client-node'
import { clearedFaultAnnotations, readFaultRecord } from '../ledger/fault-record.js'
import { UndoRefusedError, type FaultUndoer, type RecordedFault } from '../ledger/fault-undoer.js'
import { readSnapshot } from './fault-snapshot.js'
import { withoutFault, type HttpRoute } from './http-routes.js'
import { isSameJson } from '../shared/is-same-json.js'
import { getVirtualService, mergePatchVirtualService, type VirtualServiceRef } from './virtual-service-api.js'

const GROUP = 'networking.istio.io'
const LIST_VERSION = 'v1alpha3'

type VirtualServiceObject = { metadata?: { name?: string; namespace?: string; resourceVersion?: string; annotations?: Record<string, string> }; spec?: { http?: HttpRoute[] } }

const recorded = (object: VirtualServiceObject, apiVersion: string): RecordedFault[] => {
  const record = readFaultRecord(object)
  const { name = '', namespace = 'default' } = object.metadata ?? {}
  return record?.change === 'http-fault' ? [{ target: { kind: 'VirtualService', name, namespace, apiVersion }, record }] : []
}

const refOf = (fault: Pick<RecordedFault, 'target'>): VirtualServiceRef => ({
  name: fault.target.name,
  ns: fault.target.namespace ?? 'default',
  version: fault.target.apiVersion ?? `${GROUP}/${LIST_VERSION}`,
})

const faultless = (http: readonly HttpRoute[]) => withoutFault(http, http.map((_, index) => index))

/**
 * Finds VirtualServices faulted by a run (`vitest-chaos.io/fault: http-fault`) and writes back `spec.http` exactly
 * as the snapshot (`vitest-chaos.io/pre-fault-http`) holds it, clearing the record in the same patch, but only
 * when the routes differ from the snapshot in their faults alone: otherwise someone changed them since, and
 * nothing is guessed.
 *
 * @example
 * for (const fault of await httpFaultUndoer.list(kc)) await httpFaultUndoer.undo(kc, fault)
 */
export const httpFaultUndoer: FaultUndoer = {
  change: 'http-fault',
  list: async (kc) => {
    try {
      const list = (await kc.makeApiClient(CustomObjectsApi).listClusterCustomObject({ group: GROUP, version: LIST_VERSION, plural: 'virtualservices' })) as { items?: VirtualServiceObject[] }
      return (list.items ?? []).flatMap((object) => recorded(object, `${GROUP}/${LIST_VERSION}`))
    } catch (error) {
      // no Istio on this cluster: no VirtualService can carry a fault
      if (error instanceof ApiException && error.code === 404) return []
      throw error
    }
  },
  read: async (kc, target) => {
    const result = await getVirtualService(kc.makeApiClient(CustomObjectsApi), refOf({ target }))
    if (result.status === 404) return undefined
    if (result.status !== 200) throw new Error(`reading VirtualService ${target.namespace ?? 'default'}/${target.name} answered ${result.status}: ${JSON.stringify(result.body)}`)
    return { record: recorded(result.body as VirtualServiceObject, refOf({ target }).version)[0]?.record }
  },
  undo: async (kc, fault) => {
    const custom = kc.makeApiClient(CustomObjectsApi)
    const ref = refOf(fault)
    const read = await getVirtualService(custom, ref)
    if (read.status !== 200) throw new UndoRefusedError(`reading it answered ${read.status}`)
    const object = read.body as VirtualServiceObject
    const snapshot = readSnapshot(object)
    if (!snapshot) throw new UndoRefusedError('the record has no readable snapshot of the routes (vitest-chaos.io/pre-fault-http); restore spec.http by hand')
    const http = object.spec?.http ?? []
    if (!isSameJson(faultless(http), faultless(snapshot))) {
      throw new UndoRefusedError('its routes changed since the fault was injected (they differ from the snapshot in more than their faults); compare spec.http with the vitest-chaos.io/pre-fault-http annotation and restore by hand')
    }
    const metadata = { name: ref.name, resourceVersion: object.metadata?.resourceVersion, annotations: clearedFaultAnnotations('http-fault') }
    const result = await mergePatchVirtualService(custom, ref, { apiVersion: ref.version, kind: 'VirtualService', metadata, spec: { http: snapshot } })
    if (result.status < 200 || result.status >= 300) throw new UndoRefusedError(`the API server refused the restore (${result.status}): ${JSON.stringify(result.body)}`)
    const faults = http.filter((entry) => entry.fault !== undefined).length - snapshot.filter((entry) => entry.fault !== undefined).length
    return `routes restored from the snapshot (${Math.max(faults, 0)} injected fault${faults === 1 ? '' : 's'} removed)`
  },
}
