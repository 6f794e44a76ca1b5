import type { V1Pod } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../../errors.js'

/** What `drain_nodes` does with one pod of the node. */
export type DrainDecision = 'evict' | 'skip-mirror' | 'skip-local-storage' | 'skip-daemonset'

/**
 * chaosk8s' drain rules, first match wins: mirror pod ⇒ skip; an emptyDir volume ⇒ evict only with
 * `deletePodsWithLocalStorage` (even a DaemonSet pod); finished ⇒ evict; the first controller owner
 * that is not a DaemonSet ⇒ evict; a DaemonSet owner ⇒ skip; otherwise the pod is unmanaged ⇒ fail.
 *
 * @example
 * classifyPodForDrain(pod, 'worker-1', true) // 'evict'
 */
export const classifyPodForDrain = (pod: V1Pod, node: string, deletePodsWithLocalStorage: boolean): DrainDecision => {
  const name = pod.metadata?.name ?? ''
  if (pod.metadata?.annotations && 'kubernetes.io/config.mirror' in pod.metadata.annotations) return 'skip-mirror'
  if ((pod.spec?.volumes ?? []).some((volume) => volume.emptyDir !== undefined && volume.emptyDir !== null)) {
    return deletePodsWithLocalStorage ? 'evict' : 'skip-local-storage'
  }
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return 'evict'
  for (const owner of pod.metadata?.ownerReferences ?? []) {
    if (owner.controller && owner.kind !== 'DaemonSet') return 'evict'
    if (owner.kind === 'DaemonSet') return 'skip-daemonset'
  }
  throw new ActivityFailedError(`Pod '${name}' on node '${node}' is unmanaged, cannot drain this node. Delete it manually first?`)
}
