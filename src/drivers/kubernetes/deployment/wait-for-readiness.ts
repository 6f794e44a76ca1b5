import type { KubeConfig } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../../errors.js'
import { watchUntil } from '../../../kube/watch-until.js'

interface DeploymentShape {
  spec?: { replicas?: number }
  status?: { readyReplicas?: number }
}

/**
 * Watches the Deployment until `readyReplicas == spec.replicas` equals `ready` (the current state counts,
 * as the watch's initial ADDED event does in chaosk8s); false after `timeoutSeconds`.
 *
 * @example
 * const recovered = await waitForDeploymentReadiness(kc, { name: 'ratings-v2', ns: 'bookinfo', ready: true, timeoutSeconds: 30, signal })
 */
export const waitForDeploymentReadiness = (
  kc: KubeConfig,
  options: { name: string; ns: string; labelSelector?: string | undefined; ready: boolean; timeoutSeconds: number; signal: AbortSignal },
): Promise<boolean> =>
  watchUntil(kc, {
    path: `/apis/apps/v1/namespaces/${encodeURIComponent(options.ns)}/deployments`,
    query: { fieldSelector: `metadata.name=${options.name}`, ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}) },
    timeoutMs: options.timeoutSeconds * 1000,
    signal: options.signal,
    isDone: (_deployments, { type, object }) => {
      if (type !== 'ADDED' && type !== 'MODIFIED') return false
      const deployment = object as DeploymentShape
      return (deployment.status?.readyReplicas === deployment.spec?.replicas) === options.ready
    },
  }).then((outcome) => outcome === 'done', (error: unknown) => {
    throw new ActivityFailedError(`could not watch deployment '${options.name}' in '${options.ns}': ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  })
