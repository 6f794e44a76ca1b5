import type { StartedCluster } from '../clusters/started-cluster.js'

/**
 * Before chaos tests use a cluster that outlives them (kind, k3s, existing), stops with an error naming the faults
 * dead runs left there (or undoes them with `CHAOS_RECOVER=auto`). An emulated cluster is fresh each time: skipped.
 *
 * @example
 * const cluster = await startCluster(clusterFromEnv())
 * await checkClusterForLeftovers(cluster)
 */
export const checkClusterForLeftovers = async (cluster: StartedCluster, log = (line: string) => void process.stderr.write(`vitest-chaos: ${line}\n`)): Promise<void> => {
  if (cluster.provider === 'emulated') return
  // imported here: client-node loads only for a cluster that outlives the tests
  const [{ KubeConfig }, { checkLeftoverFaults }] = await Promise.all([import('@kubernetes/client-node'), import('../drivers/recovery/check-leftover-faults.js')])
  const kc = new KubeConfig()
  kc.loadFromString(cluster.kubeconfig)
  await checkLeftoverFaults(kc, { where: `chaos tests on the ${cluster.provider} cluster of context '${cluster.context}'`, log })
}
