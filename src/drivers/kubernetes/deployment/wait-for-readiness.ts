import type { KubeConfig } from '@kubernetes/client-node'
import { waitForReadiness } from '../../shared/wait-for-readiness.js'

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
  waitForReadiness(kc, {
    ...options,
    noun: 'deployment',
    path: `/apis/apps/v1/namespaces/${encodeURIComponent(options.ns)}/deployments`,
    isReady: (object) => (object as DeploymentShape).status?.readyReplicas === (object as DeploymentShape).spec?.replicas,
  })
