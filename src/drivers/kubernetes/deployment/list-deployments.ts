import type { AppsV1Api, V1Deployment } from '@kubernetes/client-node'
import { callApi } from '../../shared/api-error.js'

/** Deployments of `ns` named `name` (field selector), also filtered by label when a selector is given. */
export const listDeploymentsNamed = async (apps: AppsV1Api, ns: string, name: string, labelSelector?: string): Promise<V1Deployment[]> => {
  const list = await callApi(`list deployments named '${name}' in namespace '${ns}'`, () =>
    apps.listNamespacedDeployment({ namespace: ns, fieldSelector: `metadata.name=${name}`, ...(labelSelector ? { labelSelector } : {}) }),
  )
  return list.items
}
