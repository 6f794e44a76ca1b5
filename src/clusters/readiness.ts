import type { KubeConfig, V1Deployment, V1Node } from '@kubernetes/client-node'
import { watchUntil } from './watch-until.js'

export interface ReadinessOptions {
  timeoutMs: number
  provider: string
  signal?: AbortSignal
}

export const isNodeReady = (node: V1Node): boolean =>
  node.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false

/** Every replica of the current generation is updated and available. */
export const isDeploymentAvailable = (deployment: V1Deployment): boolean => {
  const wanted = deployment.spec?.replicas ?? 1
  const status = deployment.status
  return (status?.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0) &&
    (status?.updatedReplicas ?? 0) >= wanted && (status?.availableReplicas ?? 0) >= wanted
}

const names = <T extends { metadata?: { name?: string } }>(objects: T[]) => objects.map((object) => object.metadata?.name ?? '?').join(', ')

/** Waits, by watching, until at least `count` nodes exist and all are Ready. */
export const waitForNodesReady = (kc: KubeConfig, count: number, options: ReadinessOptions): Promise<void> =>
  watchUntil<V1Node>({
    kc, path: '/api/v1/nodes', ...options,
    isDone: (nodes) => nodes.length >= count && nodes.every(isNodeReady),
    describe: (nodes) => {
      const notReady = nodes.filter((node) => !isNodeReady(node))
      const detail = notReady.length > 0 ? `not Ready: ${names(notReady)}` : `only ${nodes.length} node${nodes.length === 1 ? '' : 's'} exist`
      return `${nodes.length - notReady.length}/${count} nodes Ready (${detail})`
    },
  })

/** Waits, by watching, until the namespace has at least `minimum` deployments and every one is fully available. */
export const waitForDeploymentsAvailable = (kc: KubeConfig, namespace: string, minimum: number, options: ReadinessOptions): Promise<void> =>
  watchUntil<V1Deployment>({
    kc, path: `/apis/apps/v1/namespaces/${namespace}/deployments`, ...options,
    isDone: (deployments) => deployments.length >= minimum && deployments.every(isDeploymentAvailable),
    describe: (deployments) => `deployments in ${namespace} not available: ${names(deployments.filter((deployment) => !isDeploymentAvailable(deployment))) || `none of ${minimum} seen yet`}`,
  })
