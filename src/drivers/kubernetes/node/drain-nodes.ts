import type { V1Pod } from '@kubernetes/client-node'
import type { ActivityFunctionContext } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { apiBody, callApi } from '../../shared/api-error.js'
import type { KubernetesApis } from '../../shared/connect.js'
import { nodeName, selectNodes, type NodeSelection } from '../select-nodes.js'
import { classifyPodForDrain } from './classify-pod.js'
import { setUnschedulable } from './set-schedulable.js'
import { waitForPodsGone } from './wait-for-pods-gone.js'

export interface DrainOptions extends NodeSelection {
  deletePodsWithLocalStorage: boolean
  /** Seconds allowed per node for its evicted pods to go. */
  timeout: number
}

const evict = async ({ core }: KubernetesApis, pod: V1Pod): Promise<void> => {
  const name = pod.metadata!.name!
  const namespace = pod.metadata!.namespace!
  try {
    await core.createNamespacedPodEviction({
      name,
      namespace,
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace }, deleteOptions: {} },
    })
  } catch (error) {
    throw new ActivityFailedError(`Failed to evict pod ${name}: ${apiBody(error)}`, { cause: error })
  }
}

/**
 * chaosk8s `drain_nodes`: selects the nodes, cordons all of them first, then node by node evicts
 * the pods the drain rules allow through the Eviction API (any refusal, including a
 * PodDisruptionBudget's 429, fails at once) and waits for them to go. Nodes stay cordoned.
 *
 * @example
 * const drained = await drainNodes(apis, { count: 1, deletePodsWithLocalStorage: true, timeout: 120 }, context)
 */
export const drainNodes = async (apis: KubernetesApis, options: DrainOptions, context: ActivityFunctionContext): Promise<string[]> => {
  const nodes = await selectNodes(apis.core, options)
  const names = nodes.map(nodeName)
  for (const name of names) await setUnschedulable(apis, name, true)
  context.log(`cordoned ${names.join(', ')}`)
  for (const node of names) {
    const pods = await callApi(`list pods on node '${node}'`, () =>
      apis.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` }),
    )
    const candidates = pods.items.filter((pod) => classifyPodForDrain(pod, node, options.deletePodsWithLocalStorage) === 'evict')
    if (candidates.length === 0) continue
    for (const pod of candidates) await evict(apis, pod)
    context.log(`evicting ${candidates.length} pod(s) from ${node}: ${candidates.map((pod) => pod.metadata?.name).join(', ')}`)
    await waitForPodsGone(apis.kc, apis.core, candidates, { node, timeoutSeconds: options.timeout, signal: context.signal })
  }
  return names
}
