import { PatchStrategy, setHeaderOptions, type V1Node } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../../errors.js'
import { clearedFaultAnnotations, PRIOR_STATE_ANNOTATIONS, readFaultRecord, readPriorState, type FaultTarget } from '../../ledger/fault-record.js'
import { recordFaultIntent, recordFaultUndone } from '../../ledger/record-fault.js'
import { apiBody } from '../../shared/api-error.js'
import type { KubernetesApis } from '../../shared/connect.js'

const patch = (apis: KubernetesApis, name: string, body: object) =>
  apis.core.patchNode({ name, body }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch))

const cordon = async (apis: KubernetesApis, node: V1Node, target: FaultTarget): Promise<void> => {
  // a node already cordoned by an earlier run keeps the state recorded then, not the cordon it left
  const wasUnschedulable = (readFaultRecord(node)?.change === 'cordon' ? readPriorState(node, 'cordon') : undefined) ?? String(node.spec?.unschedulable === true)
  const intent = await recordFaultIntent(apis.kc, target, 'cordon')
  let applied = false
  try {
    const annotations = { ...intent.annotations, [PRIOR_STATE_ANNOTATIONS.cordon]: wasUnschedulable }
    await patch(apis, target.name, { metadata: { annotations }, spec: { unschedulable: true } })
    applied = true
  } finally {
    await intent.settle(applied)
  }
}

const uncordon = async (apis: KubernetesApis, node: V1Node, target: FaultTarget): Promise<void> => {
  const recorded = readFaultRecord(node)?.change === 'cordon'
  await patch(apis, target.name, { ...(recorded ? { metadata: { annotations: clearedFaultAnnotations('cordon') } } : {}), spec: { unschedulable: false } })
  if (recorded) await recordFaultUndone(apis.kc, target, 'cordon', 'cleared')
}

/**
 * Cordons (`unschedulable: true`) or uncordons one node with a JSON merge patch, failing with chaosk8s'
 * message: `Failed to unschedule node '<n>': <body>` / `Failed to schedule node '<n>': <body>`. A cordon is
 * written to the fault ledger first and carries its record (and whether the node was unschedulable before)
 * on the node; an uncordon clears that record.
 *
 * @example
 * await setUnschedulable(apis, 'worker-1', true)
 */
export const setUnschedulable = async (apis: KubernetesApis, name: string, unschedulable: boolean): Promise<void> => {
  const target: FaultTarget = { kind: 'Node', name }
  try {
    const node = await apis.core.readNode({ name })
    await (unschedulable ? cordon(apis, node, target) : uncordon(apis, node, target))
  } catch (error) {
    const verb = unschedulable ? 'unschedule' : 'schedule'
    throw new ActivityFailedError(`Failed to ${verb} node '${name}': ${apiBody(error)}`, { cause: error })
  }
}
