import type { EmulatedCluster } from './emulated-cluster.js'

/** What crosses from the cluster's thread: the handle without its methods. */
export type ClusterFacts = Pick<EmulatedCluster, 'apiUrl' | 'kubeconfig' | 'kubeconfigPath' | 'token' | 'productPageUrl'>

/** Parent → cluster thread. */
export type ThreadRequest = { type: 'stop' }

/** Cluster thread → parent. */
export type ThreadReport =
  | { type: 'started'; facts: ClusterFacts }
  | { type: 'failed'; error: unknown }
  | { type: 'stopped' }
  | { type: 'stop-failed'; error: unknown }
