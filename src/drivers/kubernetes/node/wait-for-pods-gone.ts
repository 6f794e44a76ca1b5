import type { CoreV1Api, KubeConfig, V1Pod } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../../errors.js'
import { apiStatus } from '../../shared/api-error.js'
import { watchUntil } from '../../../kube/watch-until.js'

const key = (namespace: string, name: string) => `${namespace}/${name}`

/**
 * Waits until every evicted pod is gone (404) or was recreated under the same name (another UID),
 * watching the node's pods instead of polling every 10 s as chaosk8s does; re-reads them every 2 s
 * in case an event is missed. Fails like chaosk8s after `timeoutSeconds`.
 *
 * @example
 * await waitForPodsGone(kc, core, evicted, { node: 'worker-1', timeoutSeconds: 120, signal })
 */
export const waitForPodsGone = async (
  kc: KubeConfig,
  core: CoreV1Api,
  pods: readonly V1Pod[],
  options: { node: string; timeoutSeconds: number; signal: AbortSignal },
): Promise<void> => {
  const remaining = new Map(pods.map((pod) => [key(pod.metadata!.namespace!, pod.metadata!.name!), pod.metadata!.uid]))
  const recheck = async () => {
    for (const [id, uid] of [...remaining]) {
      const [namespace, name] = id.split('/') as [string, string]
      try {
        const current = await core.readNamespacedPod({ namespace, name })
        if (current.metadata?.uid !== uid) remaining.delete(id)
      } catch (error) {
        if (apiStatus(error) === 404) remaining.delete(id)
      }
    }
    return remaining.size === 0
  }
  const outcome = await watchUntil(kc, {
    path: '/api/v1/pods',
    query: { fieldSelector: `spec.nodeName=${options.node}` },
    timeoutMs: options.timeoutSeconds * 1000,
    signal: options.signal,
    recheck,
    isDone: (_pods, { type, object }) => {
      const meta = object.metadata
      const id = key(meta?.namespace ?? '', meta?.name ?? '')
      if (remaining.has(id) && (type === 'DELETED' || remaining.get(id) !== meta?.uid)) remaining.delete(id)
      return remaining.size === 0
    },
  }).catch((error: unknown) => {
    throw new ActivityFailedError(`drain_nodes could not watch the pods of node '${options.node}': ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  })
  if (outcome === 'done') return
  if (options.signal.aborted) throw new ActivityFailedError(`drain_nodes was interrupted while waiting for the pods of node '${options.node}' to go`)
  const names = [...remaining.keys()].map((id) => id.split('/')[1]).join('\n')
  throw new ActivityFailedError(`Draining nodes did not completed within ${options.timeoutSeconds}s. Remaining pods are:\n${names}`)
}
