import { startCluster } from '../../src/clusters/start-cluster.js'
import { runClusterSuite } from './cluster-suite.js'

runClusterSuite({ provider: 'emulated', start: () => startCluster({ provider: 'emulated' }) })
