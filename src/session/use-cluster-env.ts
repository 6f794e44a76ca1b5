import type { StartedCluster } from '../clusters/started-cluster.js'

/** Points `KUBECONFIG` and `PRODUCT_PAGE_SERVICE_BASE_URL` (and the cluster's other variables) at the cluster; returns the undo. */
export const useClusterEnv = (cluster: StartedCluster): (() => void) => {
  const previous = Object.fromEntries(Object.keys(cluster.env).map((key) => [key, process.env[key]]))
  Object.assign(process.env, cluster.env)
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}
