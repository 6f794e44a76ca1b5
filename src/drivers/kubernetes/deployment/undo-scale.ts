import { AppsV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { clearedFaultAnnotations, readPriorState } from '../../ledger/fault-record.js'
import { UndoRefusedError, type FaultUndoer } from '../../ledger/fault-undoer.js'
import { readRecorded, recordedFaults } from '../../ledger/recorded-faults.js'
import { describeApiError } from '../../shared/api-error.js'

const recorded = recordedFaults('scale', 'Deployment')

/**
 * Finds deployments scaled by a run (`vitest-chaos.io/fault: scale`) and scales each back to its recorded
 * replicas (`vitest-chaos.io/prior-replicas`), clearing the record in the same patch.
 *
 * @example
 * for (const fault of await scaleUndoer.list(kc)) await scaleUndoer.undo(kc, fault)
 */
export const scaleUndoer: FaultUndoer = {
  change: 'scale',
  list: async (kc) => (await kc.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces()).items.flatMap(recorded),
  read: (kc, target) => readRecorded(() => kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: target.name, namespace: target.namespace ?? 'default' }), recorded),
  undo: async (kc, fault) => {
    const apps = kc.makeApiClient(AppsV1Api)
    const where = { name: fault.target.name, namespace: fault.target.namespace ?? 'default' }
    const deployment = await apps.readNamespacedDeployment(where)
    const prior = Number(readPriorState(deployment, 'scale'))
    if (!Number.isInteger(prior) || prior < 0) throw new UndoRefusedError(`the record holds no replica count (vitest-chaos.io/prior-replicas is '${readPriorState(deployment, 'scale') ?? 'missing'}'); scale it by hand`)
    const body = { metadata: { resourceVersion: deployment.metadata?.resourceVersion, annotations: clearedFaultAnnotations('scale') }, spec: { replicas: prior } }
    try {
      await apps.patchNamespacedDeployment({ ...where, body }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))
    } catch (error) {
      throw new UndoRefusedError(`the API server refused the scale: ${describeApiError(error)}`)
    }
    return `scaled back to ${prior} replicas (from ${deployment.spec?.replicas ?? '?'})`
  },
}
