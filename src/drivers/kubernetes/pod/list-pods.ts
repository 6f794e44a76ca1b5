import type { CoreV1Api, V1Pod } from '@kubernetes/client-node'
import { callApi } from '../../shared/api-error.js'

/** Pods of `ns`, filtered by `labelSelector` when one is given (an empty selector lists them all). */
export const listPods = async (core: CoreV1Api, ns: string, labelSelector?: string): Promise<V1Pod[]> => {
  const list = await callApi(`list pods${labelSelector ? ` '${labelSelector}'` : ''} in namespace '${ns}'`, () =>
    core.listNamespacedPod({ namespace: ns, ...(labelSelector ? { labelSelector } : {}) }),
  )
  return list.items
}

/** Python's `str.format(name=name)` on chaosk8s' default selector `name in ({name})`; `None` when no name. */
export const formatNameSelector = (selector: string, name: string | undefined): string => selector.replaceAll('{name}', name ?? 'None')
