import { startCluster } from '../../src/clusters/start-cluster.js'
import { runClusterSuite } from './cluster-suite.js'
import { kindUnavailable } from './provider-availability.js'

const unavailable = await kindUnavailable()
runClusterSuite({
  provider: 'kind',
  // reuses a running `chaos` cluster (e.g. from `vitest-chaos cluster up --provider kind`), else creates and deletes one
  start: () => startCluster({ provider: 'kind', log: (line) => console.warn(`[kind] ${line}`) }),
  ...(unavailable ? { unavailable } : {}),
})
