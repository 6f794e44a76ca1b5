import type { KubeConfig } from '@kubernetes/client-node'
import { watchUntil } from '../../kube/watch-until.js'
import { loadKubeConfig } from './client.js'

/** Stops the watches. */
export type StopWatching = () => void

/**
 * Calls `onChange` on every event of watches on the given API collections (kubeconfig found as the drivers find it)
 * for at most `timeoutMs`, through the shared `watchUntil` (which survives the server closing or failing a watch).
 * A collection that cannot be watched is left to the caller's own timer.
 *
 * @example
 * const stop = watchCollections(['/api/v1/pods'], () => recheck(), 30_000)
 */
export const watchCollections = (paths: readonly string[], onChange: () => void, timeoutMs: number): StopWatching => {
  let kc: KubeConfig
  try {
    kc = loadKubeConfig()
  } catch {
    return () => undefined
  }
  const stop = new AbortController()
  const isDone = () => {
    onChange()
    return false
  }
  // setTimeout cannot wait longer than this; a longer recovery bound keeps the timer only after it
  const bounded = Math.min(timeoutMs, 2 ** 31 - 1)
  for (const path of paths) void watchUntil(kc, { path, timeoutMs: bounded, signal: stop.signal, isDone }).catch(() => undefined)
  return () => stop.abort()
}
