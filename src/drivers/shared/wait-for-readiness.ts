import type { KubeConfig } from '@kubernetes/client-node'
import { ActivityFailedError } from '../../errors.js'
import { watchUntil } from '../../kube/watch-until.js'

/** One named workload to watch: its collection path, and what "every replica ready" means for its kind. */
export interface ReadinessWatch {
  /** e.g. `deployment`, for messages. */
  noun: string
  /** The namespaced collection, e.g. `/apis/apps/v1/namespaces/bookinfo/deployments`. */
  path: string
  name: string
  ns: string
  labelSelector?: string | undefined
  isReady(object: unknown): boolean
  /** The readiness to wait for: true waits for ready, false for not ready. */
  ready: boolean
  timeoutSeconds: number
  signal: AbortSignal
}

/**
 * Watches the workload until its readiness equals `ready` (the current state counts, as the watch's initial ADDED
 * event does in chaosk8s); false after `timeoutSeconds`.
 *
 * @example
 * const recovered = await waitForReadiness(kc, { noun: 'deployment', path, name: 'ratings-v2', ns: 'bookinfo', isReady, ready: true, timeoutSeconds: 30, signal })
 */
export const waitForReadiness = (kc: KubeConfig, watch: ReadinessWatch): Promise<boolean> =>
  watchUntil(kc, {
    path: watch.path,
    query: { fieldSelector: `metadata.name=${watch.name}`, ...(watch.labelSelector ? { labelSelector: watch.labelSelector } : {}) },
    timeoutMs: watch.timeoutSeconds * 1000,
    signal: watch.signal,
    isDone: (_objects, { type, object }) => (type === 'ADDED' || type === 'MODIFIED') && watch.isReady(object) === watch.ready,
  }).then((outcome) => outcome === 'done', (error: unknown) => {
    throw new ActivityFailedError(`could not watch ${watch.noun} '${watch.name}' in '${watch.ns}': ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  })
