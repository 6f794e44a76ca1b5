import type { KubeConfig, KubernetesObject, V1Deployment, V1Node } from '@kubernetes/client-node'
import { ClusterError } from '../errors.js'
import { watchUntil } from '../kube/watch-until.js'

export interface ReadinessOptions {
  timeoutMs: number
  provider: string
  signal?: AbortSignal
}

export const isNodeReady = (node: V1Node): boolean =>
  node.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false

/**
 * The rollout is complete, as `kubectl rollout status` reads it: every replica of the current generation is updated
 * and available, and no replica of an older one is left (mid-rollout, old pods still count as available and serve).
 */
export const isDeploymentAvailable = (deployment: V1Deployment): boolean => {
  const wanted = deployment.spec?.replicas ?? 1
  const status = deployment.status
  const updated = status?.updatedReplicas ?? 0
  return (status?.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0) &&
    updated >= wanted && (status?.replicas ?? 0) <= updated && (status?.availableReplicas ?? 0) >= wanted
}

/**
 * Watches the collection at `path` until `isDone` holds for its objects; a ClusterError on timeout (saying what
 * `describe` finds missing), interrupt, or a watch the API server keeps failing. An empty collection never settles it.
 *
 * @example
 * await waitForObjects<V1Pod>(kc, '/api/v1/namespaces/bookinfo/pods', { isDone: (pods) => pods.length > 0, describe: () => 'no pod yet' }, { timeoutMs: 60_000, provider: 'kind' })
 */
export const waitForObjects = async <T extends KubernetesObject>(
  kc: KubeConfig,
  path: string,
  wanted: { isDone: (objects: T[]) => boolean; describe: (objects: T[]) => string },
  options: ReadinessOptions,
): Promise<void> => {
  let latest: T[] = []
  const fail = (what: string, cause?: unknown) => new ClusterError(`${options.provider} cluster: ${what}`, options.provider, { cause })
  let outcome
  try {
    outcome = await watchUntil<T>(kc, {
      path, timeoutMs: options.timeoutMs, ...(options.signal ? { signal: options.signal } : {}),
      isDone: (objects) => wanted.isDone((latest = objects)),
    })
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error), error)
  }
  if (outcome === 'aborted') throw fail(`interrupted while waiting for ${path}`)
  if (outcome === 'timed-out') throw fail(`not ready after ${Math.round(options.timeoutMs / 1000)} s: ${wanted.describe(latest)}`)
}

const names = <T extends { metadata?: { name?: string } }>(objects: T[]) => objects.map((object) => object.metadata?.name ?? '?').join(', ')

/** Waits, by watching, until at least `count` nodes exist and all are Ready. */
export const waitForNodesReady = (kc: KubeConfig, count: number, options: ReadinessOptions): Promise<void> =>
  waitForObjects<V1Node>(kc, '/api/v1/nodes', {
    isDone: (nodes) => nodes.length >= count && nodes.every(isNodeReady),
    describe: (nodes) => {
      const notReady = nodes.filter((node) => !isNodeReady(node))
      const detail = notReady.length > 0 ? `not Ready: ${names(notReady)}` : `only ${nodes.length} node${nodes.length === 1 ? '' : 's'} exist`
      return `${nodes.length - notReady.length}/${count} nodes Ready (${detail})`
    },
  }, options)

/** Waits, by watching, until the namespace has at least `minimum` deployments and every one is fully available. */
export const waitForDeploymentsAvailable = (kc: KubeConfig, namespace: string, minimum: number, options: ReadinessOptions): Promise<void> =>
  waitForObjects<V1Deployment>(kc, `/apis/apps/v1/namespaces/${namespace}/deployments`, {
    isDone: (deployments) => deployments.length >= minimum && deployments.every(isDeploymentAvailable),
    describe: (deployments) => `deployments in ${namespace} not available: ${names(deployments.filter((deployment) => !isDeploymentAvailable(deployment))) || `none of ${minimum} seen yet`}`,
  }, options)
