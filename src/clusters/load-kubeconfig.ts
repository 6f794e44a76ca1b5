import { KubeConfig } from '@kubernetes/client-node'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { ClusterError } from '../errors.js'

/** The kubeconfig files kubectl would read: `KUBECONFIG` (path list) or `~/.kube/config`. */
export const kubeconfigPaths = (env: NodeJS.ProcessEnv): string[] => {
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter((path) => path !== '')
  if (fromEnv.length > 0) return fromEnv
  const home = env.HOME ?? env.USERPROFILE
  return home ? [join(home, '.kube', 'config')] : []
}

/**
 * Loads the kubeconfig with kubectl's rules (the first file's `current-context` wins) without
 * contacting any cluster.
 */
export const loadKubeconfig = (env: NodeJS.ProcessEnv, provider = 'existing'): KubeConfig => {
  const paths = kubeconfigPaths(env).filter((path) => existsSync(path))
  if (paths.length === 0) {
    throw new ClusterError(
      `${provider} cluster: no kubeconfig found (KUBECONFIG is ${env.KUBECONFIG ? `'${env.KUBECONFIG}'` : 'unset'} and ~/.kube/config does not exist); set KUBECONFIG to your cluster's kubeconfig file`,
      provider,
    )
  }
  const [first, ...rest] = paths.map((path) => readKubeconfigFile(path, provider))
  for (const next of rest) first!.mergeConfig(next, true)
  return first!
}

const readKubeconfigFile = (path: string, provider: string): KubeConfig => {
  const kc = new KubeConfig()
  try {
    kc.loadFromFile(path)
  } catch (error) {
    throw new ClusterError(`${provider} cluster: cannot read kubeconfig ${path}: ${(error as Error).message}`, provider, { cause: error })
  }
  return kc
}
