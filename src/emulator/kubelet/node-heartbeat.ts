// Kubelet heartbeats: node conditions' lastHeartbeatTime moves on, Ready stays True while the emulator runs.
import { kubeNow } from '../controllers/kube-time.js'
import type { Node } from '../controllers/kube-types.js'
import type { Store } from '../store/store.js'

export const HEARTBEAT_MS = 20_000

export const beat = (store: Store): void => {
  const now = kubeNow()
  for (const node of store.list('nodes') as Node[]) {
    const conditions = (node.status?.conditions ?? []).map((condition) => ({ ...condition, lastHeartbeatTime: now }))
    store.update('nodes', { ...node, status: { ...node.status, conditions } })
  }
}

/** Beats every 20 s; returns the function that stops it. */
export const startNodeHeartbeat = (store: Store): (() => void) => {
  const timer = setInterval(() => beat(store), HEARTBEAT_MS)
  return () => clearInterval(timer)
}
