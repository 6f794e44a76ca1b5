// Pod garbage collection: pods bound to a node that no longer exists are deleted (grace 0), as kube-controller-manager's podgc does.
import { finalizePodDeletion } from '../registry/kinds/pod-deletion.js'
import type { Store } from '../store/store.js'
import type { Pod } from './kube-types.js'
import { startReconcileLoop, type ReconcileLoop } from './reconcile-loop.js'

export const startPodGarbageCollector = (store: Store): ReconcileLoop =>
  startReconcileLoop({
    name: 'pod-gc',
    store,
    watch: ['nodes', 'pods'],
    reconcile: () => {
      const nodes = new Set(store.list('nodes').map((node) => node.metadata.name))
      for (const pod of store.list('pods') as Pod[]) {
        const nodeName = pod.spec.nodeName
        if (nodeName && !nodes.has(nodeName)) finalizePodDeletion(store, pod.metadata.namespace ?? '', pod.metadata.name ?? '', pod.metadata.uid)
      }
    },
  })
