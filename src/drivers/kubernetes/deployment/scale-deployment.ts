import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../../errors.js'
import { clearedFaultAnnotations, PRIOR_STATE_ANNOTATIONS, readFaultRecord, readPriorState, type FaultTarget } from '../../ledger/fault-record.js'
import { recordFaultIntent, recordFaultUndone } from '../../ledger/record-fault.js'
import { describeApiError } from '../../shared/api-error.js'
import type { KubernetesApis } from '../../shared/connect.js'

/**
 * chaosk8s `scale_deployment`, with the fault ledger: the first scale away from the deployment's replicas records
 * them (on the deployment and in the local ledger) before the change; scaling back to them clears the record.
 *
 * @example
 * await scaleDeployment(apis, { name: 'ratings-v1', namespace: 'bookinfo' }, 0)
 */
export const scaleDeployment = async (apis: KubernetesApis, where: { name: string; namespace: string }, replicas: number): Promise<void> => {
  const target: FaultTarget = { kind: 'Deployment', ...where }
  try {
    const deployment = await apis.apps.readNamespacedDeployment(where)
    const recorded = readFaultRecord(deployment)?.change === 'scale'
    const prior = (recorded ? readPriorState(deployment, 'scale') : undefined) ?? String(deployment.spec?.replicas ?? 1)
    const patch = (annotations: object | undefined) =>
      apis.apps.patchNamespacedDeployment(
        { ...where, body: { ...(annotations ? { metadata: { annotations } } : {}), spec: { replicas } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      )
    if (String(replicas) === prior) {
      await patch(recorded ? clearedFaultAnnotations('scale') : undefined)
      if (recorded) await recordFaultUndone(apis.kc, target, 'scale', 'cleared')
      return
    }
    const intent = await recordFaultIntent(apis.kc, target, 'scale')
    let applied = false
    try {
      await patch({ ...intent.annotations, [PRIOR_STATE_ANNOTATIONS.scale]: prior })
      applied = true
    } finally {
      await intent.settle(applied)
    }
  } catch (error) {
    throw new ActivityFailedError(`failed to scale '${where.name}' to ${replicas} replicas: ${describeApiError(error)}`, { cause: error })
  }
}
