import { CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { clearedFaultAnnotations, readPriorState } from '../../ledger/fault-record.js'
import { UndoRefusedError, type FaultUndoer } from '../../ledger/fault-undoer.js'
import { readRecorded, recordedFaults } from '../../ledger/recorded-faults.js'
import { describeApiError } from '../../shared/api-error.js'

const recorded = recordedFaults('cordon', 'Node')

/**
 * Finds nodes cordoned by a run (`vitest-chaos.io/fault: cordon`) and gives each back the schedulability it had
 * before (`vitest-chaos.io/was-unschedulable`), clearing the record in the same patch.
 *
 * @example
 * for (const fault of await cordonUndoer.list(kc)) await cordonUndoer.undo(kc, fault)
 */
export const cordonUndoer: FaultUndoer = {
  change: 'cordon',
  list: async (kc) => (await kc.makeApiClient(CoreV1Api).listNode()).items.flatMap(recorded),
  read: (kc, target) => readRecorded(() => kc.makeApiClient(CoreV1Api).readNode({ name: target.name }), recorded),
  undo: async (kc, fault) => {
    const core = kc.makeApiClient(CoreV1Api)
    const node = await core.readNode({ name: fault.target.name })
    const prior = readPriorState(node, 'cordon')
    if (prior !== 'true' && prior !== 'false') throw new UndoRefusedError(`the record does not say whether the node was unschedulable before (vitest-chaos.io/was-unschedulable is '${prior ?? 'missing'}'); check it and run kubectl uncordon by hand`)
    const body = { metadata: { resourceVersion: node.metadata?.resourceVersion, annotations: clearedFaultAnnotations('cordon') }, spec: { unschedulable: prior === 'true' } }
    try {
      await core.patchNode({ name: fault.target.name, body }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
    } catch (error) {
      throw new UndoRefusedError(`the API server refused the uncordon: ${describeApiError(error)}`)
    }
    return prior === 'true' ? 'left cordoned, as it was before the run' : 'uncordoned'
  },
}
