import { Watch, type KubeConfig } from '@kubernetes/client-node'

/** One event of a Kubernetes watch. */
export interface WatchEvent {
  type: string
  object: Record<string, unknown>
}

export interface WatchUntilOptions {
  /** API path to watch, e.g. `/api/v1/pods`. */
  path: string
  query?: Record<string, string>
  /** Gives up (resolves `false`) after this many milliseconds. */
  timeoutMs: number
  signal: AbortSignal
  /** Called on every event; returning `true` ends the wait with `true`. */
  onEvent: (event: WatchEvent) => boolean
  /** Called at start, after every reconnect and every `recheckMs`; returning `true` ends the wait with `true`. */
  recheck?: () => Promise<boolean>
  /** Interval of `recheck` while no event arrives (default 2000 ms). */
  recheckMs?: number
}

/**
 * Watches `path` until `onEvent` or `recheck` says the condition holds, the time is up or the signal aborts.
 * A watch the server closes is reopened (at most once per `recheckMs`), so a long wait survives server timeouts.
 *
 * @example
 * const gone = await watchUntil(kc, { path: '/api/v1/pods', timeoutMs: 120_000, signal, onEvent: (e) => e.type === 'DELETED' })
 */
export const watchUntil = async (kc: KubeConfig, options: WatchUntilOptions): Promise<boolean> => {
  const deadline = Date.now() + options.timeoutMs
  const recheckMs = options.recheckMs ?? 2000
  let satisfied = false
  let wake: () => void = () => undefined
  let watchOpen = false
  let controller: AbortController | undefined
  let openedAt = 0
  const onAbort = () => wake()
  options.signal.addEventListener('abort', onAbort)
  try {
    while (!satisfied && !options.signal.aborted && Date.now() < deadline) {
      if (!watchOpen && Date.now() - openedAt >= recheckMs) {
        watchOpen = true
        openedAt = Date.now()
        controller = await new Watch(kc)
          .watch(options.path, options.query ?? {}, (type, object: Record<string, unknown>) => {
            if (!satisfied && options.onEvent({ type, object })) {
              satisfied = true
              wake()
            }
          }, () => {
            watchOpen = false
            wake()
          })
          .catch(() => {
            watchOpen = false
            return undefined
          })
      }
      if (!satisfied && options.recheck && (await options.recheck())) satisfied = true
      if (satisfied) break
      const wait = Math.max(0, Math.min(recheckMs, deadline - Date.now()))
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = () => undefined
    }
    return satisfied
  } finally {
    options.signal.removeEventListener('abort', onAbort)
    controller?.abort()
  }
}
