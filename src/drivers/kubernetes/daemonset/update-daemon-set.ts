import { PatchStrategy, setHeaderOptions, type V1DaemonSet } from '@kubernetes/client-node'
import { clearedFaultAnnotations, PRIOR_STATE_ANNOTATIONS, readFaultRecord, readPriorState, type FaultTarget } from '../../ledger/fault-record.js'
import { recordFaultIntent, recordFaultUndone } from '../../ledger/record-fault.js'
import type { KubernetesApis } from '../../shared/connect.js'
import { isSameJson } from '../../shared/is-same-json.js'

type Patch = Record<string, unknown> & { metadata?: { annotations?: Record<string, string | null> } }

const withAnnotations = (patch: Patch, annotations: Record<string, string | null>): Patch => ({
  ...patch,
  metadata: { ...patch.metadata, annotations: { ...patch.metadata?.annotations, ...annotations } },
})

/**
 * chaosk8s `update_daemon_set` (a strategic merge patch of the whole object), with the fault ledger: the first update
 * records the spec it replaces (on the DaemonSet, in the same patch, and in the local ledger first); an update that
 * brings the spec back to it clears the record, and `recover` puts it back otherwise.
 *
 * @example
 * await updateDaemonSet(apis, { name: 'fluentd', namespace: 'logging' }, { spec: { template: { spec: { containers: [{ name: 'main', image: 'x:2' }] } } } })
 */
export const updateDaemonSet = async (apis: KubernetesApis, where: { name: string; namespace: string }, patch: Patch): Promise<void> => {
  const target: FaultTarget = { kind: 'DaemonSet', ...where }
  const send = (body: Patch) => apis.apps.patchNamespacedDaemonSet({ ...where, body }, setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch))
  const current = await apis.apps.readNamespacedDaemonSet(where)
  const prior = (readFaultRecord(current)?.change === 'daemonset-spec' ? readPriorState(current, 'daemonset-spec') : undefined) ?? JSON.stringify(current.spec)
  const intent = await recordFaultIntent(apis.kc, target, 'daemonset-spec')
  let updated: V1DaemonSet | undefined
  try {
    updated = await send(withAnnotations(patch, { ...intent.annotations, [PRIOR_STATE_ANNOTATIONS['daemonset-spec']]: prior }))
  } finally {
    await intent.settle(updated !== undefined)
  }
  if (isSameJson(updated.spec, JSON.parse(prior))) {
    await send(withAnnotations({}, clearedFaultAnnotations('daemonset-spec')))
    await recordFaultUndone(apis.kc, target, 'daemonset-spec', 'cleared')
  }
}
