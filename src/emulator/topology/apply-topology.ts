// Writes the cluster's fixed objects into an empty store: namespaces, nodes, mirror pods, kube-system workloads.
import { applyCreateDefaults } from '../api-server/apply-defaults.js'
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { kubeNow } from '../controllers/kube-time.js'
import { allNodeNames, CONTROL_PLANE, nodeObject } from './cluster-nodes.js'
import { mirrorPods } from './mirror-pods.js'
import { kubernetesEndpointSlice, kubernetesEndpoints, systemWorkloads } from './system-workloads.js'

const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']

/** Creates an object the way `POST` would: admission defaults first. */
export const createWithDefaults = (store: Store, key: string, object: KubeObject): KubeObject => {
  const copy = structuredClone(object)
  applyCreateDefaults(copy, store)
  return store.create(key, copy)
}

/**
 * Populates `store` with the kind-like topology: 1 control plane (tainted) + 3 workers, all Ready.
 *
 * @example
 * const store = new Store()
 * applyTopology(store)
 * store.list('nodes').map((node) => node.metadata.name) // ['chaos-control-plane', 'chaos-worker', …]
 */
export const applyTopology = (store: Store): void => {
  for (const name of NAMESPACES) createWithDefaults(store, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
  const now = kubeNow()
  const nodes = allNodeNames().map((name, index) => store.create('nodes', nodeObject(name, index, now)))
  const controlPlane = nodes.find((node) => node.metadata.name === CONTROL_PLANE)!
  for (const pod of mirrorPods(controlPlane)) createWithDefaults(store, 'pods', pod)
  for (const { key, object } of systemWorkloads()) createWithDefaults(store, key, object)
  store.create('endpoints', kubernetesEndpoints())
  store.create('discovery.k8s.io/endpointslices', kubernetesEndpointSlice())
}
