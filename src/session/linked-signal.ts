import { setMaxListeners } from 'node:events'

/**
 * A signal that aborts with `parent` or through `abort()`, detached by `release()` so many runs do not pile
 * listeners onto the test's signal.
 */
export const linkSignal = (parent: AbortSignal | undefined): { signal: AbortSignal; abort: (reason?: unknown) => void; release: () => void } => {
  const controller = new AbortController()
  // each engine run listens on it (recovery polling runs many); they all go when this signal is dropped
  setMaxListeners(1000, controller.signal)
  const abort = (reason?: unknown) => controller.abort(reason)
  if (!parent) return { signal: controller.signal, abort, release: () => undefined }
  const forward = () => controller.abort(parent.reason)
  if (parent.aborted) forward()
  else parent.addEventListener('abort', forward, { once: true })
  return { signal: controller.signal, abort, release: () => parent.removeEventListener('abort', forward) }
}
