import type { CoreV1Api, V1Node } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../errors.js'
import { callApi } from '../shared/api-error.js'
import { sampleWithReplacement } from './random-pick.js'

/** Node selection shared by drain/cordon/uncordon/delete (chaosk8s `_select_nodes`). */
export interface NodeSelection {
  name?: string | undefined
  labelSelector?: string | undefined
  count?: number | undefined
  podLabelSelector?: string | undefined
  podNamespace?: string | undefined
  /** Keep only the first node (delete_nodes' default). */
  first?: boolean
}

/**
 * Selects nodes by name and/or label (**neither ⇒ every node, control plane included**); with both
 * `podLabelSelector` and `podNamespace`, keeps the nodes hosting a matching pod, once per pod;
 * `count` then picks that many at random with replacement, as chaosk8s does.
 *
 * @example
 * const [node] = await selectNodes(core, { count: 1 })
 */
export const selectNodes = async (core: CoreV1Api, selection: NodeSelection): Promise<V1Node[]> => {
  const { name, labelSelector, podLabelSelector, podNamespace } = selection
  const query = {
    ...(name ? { fieldSelector: `metadata.name=${name}` } : {}),
    ...(labelSelector ? { labelSelector } : {}),
  }
  const list = await callApi('list nodes', () => core.listNode(query))
  let nodes = list.items
  if (podLabelSelector && podNamespace) {
    const pods = await callApi(`list pods '${podLabelSelector}' in namespace '${podNamespace}'`, () =>
      core.listNamespacedPod({ namespace: podNamespace, labelSelector: podLabelSelector }),
    )
    nodes = nodes.flatMap((node) => pods.items.filter((pod) => pod.spec?.nodeName === node.metadata?.name).map(() => node))
  }
  if (nodes.length === 0) throw new ActivityFailedError('failed to find a node that matches selector')
  if (selection.first) return [nodes[0]!]
  if (selection.count !== undefined) return sampleWithReplacement(nodes, selection.count)
  return nodes
}

/** The node's name (always present on objects read from the API). */
export const nodeName = (node: V1Node): string => node.metadata?.name ?? ''
