import type { Store } from '../store/store.js'
import type { PodLogReader } from '../registry/pod-log-reader.js'
import type { StatusBody } from '../registry/status.js'

/** What every handler needs: the store, optional collaborators, and the server's own bookkeeping. */
export interface ApiContext {
  store: Store
  podLogs?: PodLogReader
  /** `127.0.0.1:<port>` for /api's serverAddressByClientCIDRs. */
  serverAddress: string
  bookmarkIntervalMs: number
  /** Teardown functions of open watches, run on close(). */
  watches: Set<() => void>
  /** Test hook: the ERROR event a new watch gets instead of its stream. */
  watchFault?: WatchFaultHook
}

/**
 * Test hook, not public API: asked for each new watch (its path and query); a Status makes the watch answer
 * with that one ERROR event and end, as kube-apiserver does (see watch-error-statuses.ts).
 */
export type WatchFaultHook = (path: string, query: URLSearchParams) => StatusBody | undefined
