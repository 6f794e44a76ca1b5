import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node'
import { join } from 'node:path'
import { applyManifests, readManifests } from '../kube/apply-manifests.js'
import { BOOKINFO_ISTIO_MANIFESTS, BOOKINFO_NAMESPACE, BOOKINFO_WORKLOAD_MANIFESTS } from '../kube/bookinfo-manifests.js'
import { packageRoot } from '../kube/package-root.js'
import { waitForDeploymentsAvailable } from './readiness.js'

export interface InstallBookinfoOptions {
  provider: string
  /** Label the namespace for sidecar injection and apply `fixtures/istio/` too. */
  istio: boolean
  timeoutMs: number
  log?: (line: string) => void
  signal?: AbortSignal
}

/** Applies the bookinfo manifest list the emulator deploys too (Istio rules only where Istio runs) to a real cluster and watches until it is available. */
export const installBookinfo = async (kc: KubeConfig, options: InstallBookinfoOptions): Promise<void> => {
  const root = packageRoot()
  const namespace: KubernetesObject = {
    apiVersion: 'v1', kind: 'Namespace',
    metadata: { name: BOOKINFO_NAMESPACE, labels: options.istio ? { 'istio-injection': 'enabled' } : {} },
  }
  await applyManifests(kc, [namespace], options.provider)
  const bookinfo = await readManifests(BOOKINFO_WORKLOAD_MANIFESTS.map((file) => join(root, file)), BOOKINFO_NAMESPACE)
  options.log?.(`applying ${bookinfo.length} bookinfo objects to namespace ${BOOKINFO_NAMESPACE}`)
  await applyManifests(kc, bookinfo, options.provider)
  if (options.istio) {
    const rules = await readManifests(BOOKINFO_ISTIO_MANIFESTS.map((file) => join(root, file)), BOOKINFO_NAMESPACE)
    options.log?.(`applying ${rules.length} Istio objects`)
    await applyManifests(kc, rules, options.provider)
  }
  const deployments = bookinfo.filter((object) => object.kind === 'Deployment').length
  options.log?.(`waiting for ${deployments} bookinfo deployments to be available`)
  await waitForDeploymentsAvailable(kc, BOOKINFO_NAMESPACE, deployments, options)
}
