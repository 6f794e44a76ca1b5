// Every AbortController costs on Node 20 (each signal is made transferable), and a page made seven of them; the mesh
// cancels its own requests with this plain object instead, and takes an AbortSignal only where a caller brings one.

/**
 * Why a request in the mesh stopped being waited for: the mesh closed, the client went away, or a caller's timeout.
 *
 * @example
 * const { cancellation, dispose } = closing.child()
 * const unhook = cancellation.onAbort((reason) => socket.destroy(reason))
 * cancellation.abort(new Error('the client went away'))
 * unhook(); dispose()
 */
export class Cancellation {
  #reason: Error | undefined
  #listeners = new Set<(reason: Error) => void>()

  get aborted(): boolean {
    return this.#reason !== undefined
  }

  /** Set once aborted. */
  get reason(): Error | undefined {
    return this.#reason
  }

  /** Aborts once; later calls keep the first reason. */
  abort(reason: Error): void {
    if (this.#reason) return
    this.#reason = reason
    const listeners = [...this.#listeners]
    this.#listeners.clear()
    for (const listener of listeners) listener(reason)
  }

  /** Calls `listener` when this aborts (in a microtask when it already has, so the unhook exists by then); returns the unhook. */
  onAbort(listener: (reason: Error) => void): () => void {
    const reason = this.#reason
    if (reason) {
      let hooked = true
      queueMicrotask(() => hooked && listener(reason))
      return () => (hooked = false)
    }
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** A cancellation that aborts with this one, or on its own; `dispose` unhooks it from this one when the request is done. */
  child(): { cancellation: Cancellation; dispose: () => void } {
    const cancellation = new Cancellation()
    const dispose = this.onAbort((reason) => cancellation.abort(reason))
    return { cancellation, dispose }
  }

  /** Follows a caller's AbortSignal too (a `fetch` with `signal`); returns the unhook. */
  follow(signal: AbortSignal): () => void {
    const onAbort = () => this.abort(signal.reason instanceof Error ? signal.reason : new Error('the request was aborted'))
    if (signal.aborted) {
      onAbort()
      return () => undefined
    }
    signal.addEventListener('abort', onAbort, { once: true })
    return () => signal.removeEventListener('abort', onAbort)
  }
}

/** A request's own cancellation under `parent` (the mesh's, or the request's caller's), or a free one without. */
export const deriveCancellation = (parent: Cancellation | undefined): { cancellation: Cancellation; dispose: () => void } =>
  parent?.child() ?? { cancellation: new Cancellation(), dispose: () => undefined }
