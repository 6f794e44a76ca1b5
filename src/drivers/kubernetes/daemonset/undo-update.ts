import { AppsV1Api, type V1DaemonSet } from '@kubernetes/client-node'
import { clearedFaultAnnotations, readPriorState } from '../../ledger/fault-record.js'
import { UndoRefusedError, type FaultUndoer } from '../../ledger/fault-undoer.js'
import { readRecorded, recordedFaults } from '../../ledger/recorded-faults.js'
import { describeApiError } from '../../shared/api-error.js'

const recorded = recordedFaults('daemonset-spec', 'DaemonSet')

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
  read: (kc, target) => readRecorded(() => kc.makeApiClient(AppsV1Api).readNamespacedDaemonSet({ name: target.name, namespace: target.namespace ?? 'default' }), recorded),
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
