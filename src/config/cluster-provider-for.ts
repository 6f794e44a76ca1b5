import type { StartClusterOptions } from '../clusters/cluster-provider.js'
import { clusterFromEnv } from '../clusters/cluster-from-env.js'
import type { ClusterProviderName } from '../clusters/started-cluster.js'

/** The provider a chaos test will start (`false`: no cluster); a bad `CHAOS_CLUSTER` counts as emulated here and fails at start. */
export const clusterProviderFor = (cluster: StartClusterOptions | false | undefined, env: NodeJS.ProcessEnv = process.env): ClusterProviderName | false => {
  if (cluster === false) return false
  if (cluster?.provider) return cluster.provider
  try {
    return clusterFromEnv(env).provider ?? 'emulated'
  } catch {
    return 'emulated'
  }
}
