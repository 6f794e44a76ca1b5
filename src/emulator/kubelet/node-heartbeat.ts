// Kubelet heartbeats: a Lease per node in kube-node-lease renewed every 10 s, and node conditions re-posted every 60 s.
import { kubeMicroNow, kubeNow } from '../store/kube-time.js'
import type { Node } from '../controllers/kube-types.js'
import type { Store } from '../store/store.js'

const LEASES = 'coordination.k8s.io/leases'
export const LEASE_RENEW_MS = 10_000
export const STATUS_REPORT_MS = 60_000

/** Creates or renews each node's Lease (`holderIdentity` = node, 40 s duration), as a kubelet does. */
export const renewLeases = (store: Store): void => {
  const renewTime = kubeMicroNow()
  for (const node of store.list('nodes') as Node[]) {
    const name = node.metadata.name ?? ''
    const current = store.get(LEASES, 'kube-node-lease', name)
    const spec = { holderIdentity: name, leaseDurationSeconds: 40, renewTime }
    if (current) {
      store.update(LEASES, { ...current, spec: { ...(current.spec as object), ...spec } })
      continue
    }
    store.create(LEASES, {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }] },
      spec,
    })
  }
}

/** Re-posts node conditions with a fresh `lastHeartbeatTime`. */
export const reportNodeStatus = (store: Store): void => {
  const now = kubeNow()
  for (const node of store.list('nodes') as Node[]) {
    const conditions = (node.status?.conditions ?? []).map((condition) => ({ ...condition, lastHeartbeatTime: now }))
    store.update('nodes', { ...node, status: { ...node.status, conditions } })
  }
}

/** Starts both heartbeats; returns the function that stops them. */
export const startNodeHeartbeat = (store: Store): (() => void) => {
  renewLeases(store)
  const lease = setInterval(() => renewLeases(store), LEASE_RENEW_MS)
  const status = setInterval(() => reportNodeStatus(store), STATUS_REPORT_MS)
  return () => {
    clearInterval(lease)
    clearInterval(status)
  }
}
