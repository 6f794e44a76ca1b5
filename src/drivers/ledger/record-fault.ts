import type { KubeConfig } from '@kubernetes/client-node'
import { faultAnnotations, type LedgerChange, type FaultRun, type FaultTarget } from './fault-record.js'
import { currentFaultRun } from './fault-run.js'
import { appendLedgerEntry, type LedgerEvent } from './local-ledger.js'

/** A change announced in the ledger: write `annotations` in the same request as the change, then `settle` with the outcome. */
export interface RecordedIntent {
  run: FaultRun
  annotations: Record<string, string>
  settle(applied: boolean): Promise<void>
}

/** The API server URL of the kubeconfig's current context: the key the local ledger is read by. */
export const serverOf = (kc: KubeConfig): string => kc.getCurrentCluster()?.server ?? ''

const write = (kc: KubeConfig, event: LedgerEvent, change: LedgerChange, target: FaultTarget, run: FaultRun) =>
  appendLedgerEntry({ v: 1, event, change, server: serverOf(kc), target, ...run })

/**
 * Writes the intent line (fsync'd) before a change and returns the annotations that record it on the object.
 *
 * @example
 * const intent = await recordFaultIntent(kc, { kind: 'Node', name }, 'cordon')
 * await patchNode({ metadata: { annotations: { ...intent.annotations, [PRIOR_STATE_ANNOTATIONS.cordon]: 'false' } }, spec: { unschedulable: true } })
 * await intent.settle(true)
 */
export const recordFaultIntent = async (kc: KubeConfig, target: FaultTarget, change: LedgerChange): Promise<RecordedIntent> => {
  const run = currentFaultRun()
  await write(kc, 'intent', change, target, run)
  return { run, annotations: faultAnnotations(change, run), settle: (applied) => write(kc, applied ? 'applied' : 'failed', change, target, run) }
}

/**
 * Notes in the ledger that an object's change was undone: `cleared` by a rollback, `recovered` by `vitest-chaos recover`.
 *
 * @example
 * await recordFaultUndone(kc, { kind: 'Node', name }, 'cordon', 'cleared')
 */
export const recordFaultUndone = (kc: KubeConfig, target: FaultTarget, change: LedgerChange, event: 'cleared' | 'recovered'): Promise<void> =>
  write(kc, event, change, target, currentFaultRun())
