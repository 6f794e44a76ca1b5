import type { Store } from '../store/store.js'

export interface PodLogOptions {
  tailLines?: number
  sinceSeconds?: number
  previous?: boolean
  timestamps?: boolean
}

/** Returns a container's log text, or undefined when the pod's kubelet cannot be reached. */
export type PodLogReader = (namespace: string, pod: string, container: string | undefined, options: PodLogOptions) => string | undefined

/** What every handler needs: the store, optional collaborators, and the server's own bookkeeping. */
export interface ApiContext {
  store: Store
  podLogs?: PodLogReader
  /** `127.0.0.1:<port>` for /api's serverAddressByClientCIDRs. */
  serverAddress: string
  bookmarkIntervalMs: number
  /** Teardown functions of open watches, run on close(). */
  watches: Set<() => void>
}
