/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const abortReason = () => (signal?.reason instanceof Error ? signal.reason : new Error('the request was aborted'))
    if (signal?.aborted) return reject(abortReason())
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortReason())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, Math.max(0, ms))
    signal?.addEventListener('abort', onAbort, { once: true })
  })
