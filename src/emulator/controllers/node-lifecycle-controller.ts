// Adds the `node.kubernetes.io/unschedulable` taint shortly after a cordon and removes it after an uncordon.
import type { Store } from '../store/store.js'
import { kubeNow } from '../store/kube-time.js'
import type { Node } from './kube-types.js'
import { startReconcileLoop, type ReconcileLoop } from './reconcile-loop.js'

const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable'
/** The real controller reacts within a moment, asynchronously: the PATCH response never shows the taint. */
const REACTION_MS = 50

export const startNodeLifecycleController = (store: Store): ReconcileLoop => {
  const pending = new Map<string, number>()
  return startReconcileLoop({
    name: 'node-lifecycle',
    store,
    watch: ['nodes'],
    reconcile: (loop) => {
      for (const node of store.list('nodes') as Node[]) {
        const name = node.metadata.name ?? ''
        const tainted = (node.spec?.taints ?? []).some((taint) => taint.key === UNSCHEDULABLE)
        if (!!node.spec?.unschedulable === tainted) {
          pending.delete(name)
          continue
        }
        const seenAt = pending.get(name)
        if (seenAt === undefined || Date.now() - seenAt < REACTION_MS) {
          if (seenAt === undefined) pending.set(name, Date.now())
          loop.trigger(REACTION_MS)
          continue
        }
        pending.delete(name)
        const others = (node.spec?.taints ?? []).filter((taint) => taint.key !== UNSCHEDULABLE)
        const taints = node.spec?.unschedulable ? [...others, { key: UNSCHEDULABLE, effect: 'NoSchedule', timeAdded: kubeNow() }] : others
        const { taints: _old, ...spec } = node.spec ?? {}
        store.update('nodes', { ...node, spec: taints.length ? { ...spec, taints } : spec })
      }
    },
  })
}
