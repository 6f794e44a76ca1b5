import { AppsV1Api, type V1DaemonSet } from '@kubernetes/client-node'
import { clearedFaultAnnotations, readFaultRecord, readPriorState } from '../../ledger/fault-record.js'
import { UndoRefusedError, type FaultUndoer, type RecordedFault } from '../../ledger/fault-undoer.js'
import { apiStatus, describeApiError } from '../../shared/api-error.js'

const recorded = (daemonSet: V1DaemonSet): RecordedFault[] => {
  const record = readFaultRecord(daemonSet)
  const { name = '', namespace = 'default' } = daemonSet.metadata ?? {}
  return record?.change === 'daemonset-spec' ? [{ target: { kind: 'DaemonSet', name, namespace }, record }] : []
}

const parsePrior = (daemonSet: V1DaemonSet): V1DaemonSet['spec'] => {
  const text = readPriorState(daemonSet, 'daemonset-spec')
  try {
    return JSON.parse(text ?? '') as V1DaemonSet['spec']
  } catch {
    throw new UndoRefusedError(`the record holds no readable spec (vitest-chaos.io/prior-daemonset-spec is '${text ?? 'missing'}'); put the spec back by hand`)
  }
}

/**
 * Finds DaemonSets changed by `update_daemon_set` (`vitest-chaos.io/fault: daemonset-spec`) and puts back the
 * recorded spec exactly (a PUT at the read resourceVersion), clearing the record in the same write.
 *
 * @example
 * for (const fault of await daemonSetSpecUndoer.list(kc)) await daemonSetSpecUndoer.undo(kc, fault)
 */
export const daemonSetSpecUndoer: FaultUndoer = {
  change: 'daemonset-spec',
  list: async (kc) => (await kc.makeApiClient(AppsV1Api).listDaemonSetForAllNamespaces()).items.flatMap(recorded),
  read: async (kc, target) => {
    try {
      return { record: recorded(await kc.makeApiClient(AppsV1Api).readNamespacedDaemonSet({ name: target.name, namespace: target.namespace ?? 'default' }))[0]?.record }
    } catch (error) {
      if (apiStatus(error) === 404) return undefined
      throw error
    }
  },
  undo: async (kc, fault) => {
    const apps = kc.makeApiClient(AppsV1Api)
    const where = { name: fault.target.name, namespace: fault.target.namespace ?? 'default' }
    const daemonSet = await apps.readNamespacedDaemonSet(where)
    const spec = parsePrior(daemonSet)
    const cleared = Object.keys(clearedFaultAnnotations('daemonset-spec'))
    const annotations = Object.fromEntries(Object.entries(daemonSet.metadata?.annotations ?? {}).filter(([key]) => !cleared.includes(key)))
    try {
      await apps.replaceNamespacedDaemonSet({ ...where, body: { ...daemonSet, metadata: { ...daemonSet.metadata, annotations }, spec } })
    } catch (error) {
      throw new UndoRefusedError(`the API server refused the spec: ${describeApiError(error)}`)
    }
    return 'put back the spec it had before update_daemon_set'
  },
}
