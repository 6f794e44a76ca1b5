import { startCluster } from '../../src/clusters/start-cluster.js'
import { runClusterSuite } from './cluster-suite.js'
import { existingUnavailable } from './provider-availability.js'

const unavailable = existingUnavailable()
runClusterSuite({
  provider: 'existing',
  start: () => startCluster({ provider: 'existing' }),
  ...(unavailable ? { unavailable } : {}),
})
