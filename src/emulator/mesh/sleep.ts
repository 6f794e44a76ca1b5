import type { Cancellation } from './cancellation.js'

/** Waits `ms`, or rejects with the cancellation's reason as soon as it aborts. */
export const sleep = (ms: number, cancellation?: Cancellation): Promise<void> =>
  new Promise((resolve, reject) => {
    if (cancellation?.reason) return reject(cancellation.reason)
    const unhook = cancellation?.onAbort((reason) => {
      clearTimeout(timer)
      reject(reason)
    })
    const timer = setTimeout(() => {
      unhook?.()
      resolve()
    }, Math.max(0, ms))
  })
