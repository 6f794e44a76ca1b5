import { Watch } from '@kubernetes/client-node'
import { loadKubeConfig } from './client.js'

const REOPEN_MS = 1_000

/** Stops the watches. */
export type StopWatching = () => void

/**
 * Calls `onChange` on every event of watches on the given API collections (kubeconfig found as the drivers find it),
 * reopening a watch the server closes; a collection that cannot be watched is left to the caller's own timer.
 *
 * @example
 * const stop = watchCollections(['/api/v1/pods'], () => recheck())
 */
export const watchCollections = (paths: readonly string[], onChange: () => void): StopWatching => {
  let stopped = false
  const controllers = new Set<AbortController>()
  const timers = new Set<NodeJS.Timeout>()
  const open = (path: string) => {
    if (stopped) return
    const reopen = () => {
      if (stopped) return
      const timer = setTimeout(() => (timers.delete(timer), open(path)), REOPEN_MS)
      timers.add(timer)
    }
    let watch: Watch
    try {
      watch = new Watch(loadKubeConfig())
    } catch {
      return
    }
    watch.watch(path, {}, () => onChange(), reopen).then(
      (controller) => (stopped ? controller.abort() : controllers.add(controller)),
      reopen,
    )
  }
  for (const path of paths) open(path)
  return () => {
    stopped = true
    for (const timer of timers) clearTimeout(timer)
    for (const controller of controllers) controller.abort()
  }
}
