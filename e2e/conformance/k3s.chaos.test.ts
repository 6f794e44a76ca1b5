import { startCluster } from '../../src/clusters/start-cluster.js'
import { runClusterSuite } from './cluster-suite.js'
import { k3sUnavailable } from './provider-availability.js'

const unavailable = await k3sUnavailable()
runClusterSuite({
  provider: 'k3s',
  start: () => startCluster({ provider: 'k3s', log: (line) => console.warn(`[k3s] ${line}`) }),
  // the VirtualService test skips itself with the cluster's own istioUnavailableReason
  ...(unavailable ? { unavailable } : {}),
})
