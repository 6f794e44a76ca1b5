/** A signal for one request: `abort` aborts it, `dispose` unhooks it from the signals it follows. */
export interface LinkedSignal {
  signal: AbortSignal
  abort: (reason: Error) => void
  dispose: () => void
}

/**
 * One signal that aborts when any given one does, or when `abort` is called.
 * Cheaper than `AbortSignal.any` on Node 20 for one short-lived request against a long-lived signal; every AbortSignal
 * costs on Node 20 (each is made transferable), so a request makes exactly one.
 */
export const linkSignals = (signals: (AbortSignal | undefined)[]): LinkedSignal => {
  const controller = new AbortController()
  const abort = (reason: Error) => controller.abort(reason)
  const sources = signals.filter((signal): signal is AbortSignal => signal !== undefined)
  const already = sources.find((signal) => signal.aborted)
  if (already) {
    controller.abort(already.reason)
    return { signal: controller.signal, abort, dispose: () => undefined }
  }
  const hooks = sources.map((source) => {
    const onAbort = () => controller.abort(source.reason)
    source.addEventListener('abort', onAbort, { once: true })
    return () => source.removeEventListener('abort', onAbort)
  })
  return { signal: controller.signal, abort, dispose: () => hooks.forEach((unhook) => unhook()) }
}
