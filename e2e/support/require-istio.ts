import type { StartedCluster } from '../../src/index.js'

/** Skips the running test, with the reason printed, on a cluster without Istio (e.g. k3s). */
export const requireIstio = (cluster: StartedCluster | undefined, skip: (note?: string) => never): void => {
  if (cluster?.istio) return
  const reason = `skipped: needs Istio, and the ${cluster?.provider ?? 'missing'} cluster has none (${cluster?.istioUnavailableReason ?? 'not installed'})`
  console.warn(reason)
  skip(reason)
}
