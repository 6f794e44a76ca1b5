import { AppsV1Api, CoreV1Api, CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node'
import { loadKubeConfig, type DriverSecrets } from './client.js'

/** The client-node APIs a driver function needs, built from one kubeconfig. */
export interface KubernetesApis {
  kc: KubeConfig
  core: CoreV1Api
  apps: AppsV1Api
  custom: CustomObjectsApi
}

/**
 * Connects with chaosk8s' rules (see `loadKubeConfig`), to the context's kubeconfig when it names one, and builds
 * the API clients.
 *
 * @example
 * const { core } = connect(secrets, context)
 */
export const connect = (secrets?: DriverSecrets, context?: { kubeconfig?: string | undefined }): KubernetesApis => {
  const kc = loadKubeConfig(secrets, context?.kubeconfig)
  return { kc, core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api), custom: kc.makeApiClient(CustomObjectsApi) }
}
