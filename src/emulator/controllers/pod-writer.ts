// How controllers create and delete pods in-process, with the API server's admission and DELETE semantics.
import { createWithDefaults } from '../registry/apply-defaults.js'
import { deleteObject } from '../registry/delete-object.js'
import { findResource } from '../registry/resource-table.js'
import { ApiError } from '../registry/status.js'
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import type { Pod } from './kube-types.js'

export interface PodWriter {
  /** Creates a pod after admission defaults, as `POST /pods` would. */
  create(pod: KubeObject): KubeObject
  /** A graceful `DELETE /pods/<name>`: marks `deletionTimestamp` (or removes at once when unbound or finished). */
  deleteGracefully(pod: Pod, gracePeriodSeconds?: number): void
}

const POD_RESOURCE = findResource('', 'v1', 'pods')!

export const createPodWriter = (store: Store): PodWriter => ({
  create: (pod) => createWithDefaults(store, 'pods', pod),
  deleteGracefully(pod, gracePeriodSeconds) {
    try {
      deleteObject(store, POD_RESOURCE, pod.metadata.namespace, pod.metadata.name ?? '', {
        ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}),
        preconditions: { uid: pod.metadata.uid },
      })
    } catch (error) {
      if (!(error instanceof ApiError && (error.code === 404 || error.code === 409))) throw error
    }
  },
})
