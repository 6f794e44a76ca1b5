import { Watch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node'
import { ClusterError } from '../errors.js'

const MAX_WATCH_RESTARTS = 500

export interface WatchUntilOptions<T extends KubernetesObject> {
  kc: KubeConfig
  /** Collection path, e.g. `/api/v1/nodes` or `/apis/apps/v1/namespaces/bookinfo/deployments`. */
  path: string
  /** True once the current set of objects is what we wait for. */
  isDone: (objects: T[]) => boolean
  /** What is still missing, for the timeout message. */
  describe: (objects: T[]) => string
  timeoutMs: number
  provider: string
  signal?: AbortSignal
}

/**
 * Watches a collection (without a resourceVersion, so the server first replays every object as
 * ADDED) until `isDone` holds; re-watches when the server ends the stream. No polling, no sleeps.
 * `isDone` runs on each event, so wait for at least one object: an empty collection never settles it.
 */
export const watchUntil = <T extends KubernetesObject>(options: WatchUntilOptions<T>): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const objects = new Map<string, T>()
    let watch: AbortController | undefined
    let settled = false
    const finish = (error?: Error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      watch?.abort()
      if (error) reject(error)
      else resolve()
    }
    const check = () => {
      if (options.isDone([...objects.values()])) finish()
    }
    const onAbort = () => finish(new ClusterError(`${options.provider} cluster: interrupted while waiting for ${options.path}`, options.provider))
    const timer = setTimeout(() => {
      finish(new ClusterError(`${options.provider} cluster: not ready after ${Math.round(options.timeoutMs / 1000)} s: ${options.describe([...objects.values()])}`, options.provider))
    }, options.timeoutMs)
    options.signal?.addEventListener('abort', onAbort, { once: true })
    let restarts = 0
    const start = () => {
      if (restarts++ > MAX_WATCH_RESTARTS) {
        return finish(new ClusterError(`${options.provider} cluster: the watch on ${options.path} keeps closing (${MAX_WATCH_RESTARTS} restarts); is the API server healthy?`, options.provider))
      }
      objects.clear()
      new Watch(options.kc)
        .watch(options.path, {}, (type, object: T) => {
          const key = `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`
          if (type === 'DELETED') objects.delete(key)
          else if (type === 'ADDED' || type === 'MODIFIED') objects.set(key, object)
          check()
        }, (error: unknown) => {
          if (settled) return
          if (error) finish(new ClusterError(`${options.provider} cluster: watch on ${options.path} failed: ${(error as Error).message}`, options.provider, { cause: error }))
          else start()
        })
        .then((controller) => {
          watch = controller
          if (settled) controller.abort()
        }, (error: unknown) => finish(new ClusterError(`${options.provider} cluster: cannot watch ${options.path}: ${(error as Error).message}`, options.provider, { cause: error })))
    }
    start()
  })
