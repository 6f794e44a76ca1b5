import { InterruptedError } from '../errors.js'

/** The error a provider throws when the run's signal stopped it; the run loop turns it into `interrupted`. */
export const interruptedBy = (signal: AbortSignal, what: string): InterruptedError => {
  const reason: unknown = signal.reason
  if (reason instanceof InterruptedError) return reason
  const why = typeof reason === 'string' ? reason : reason instanceof Error ? reason.message : 'the run was interrupted'
  return new InterruptedError(`${what} was interrupted: ${why}`, true, { cause: reason })
}

/**
 * Settles with `work`, or rejects with an InterruptedError as soon as `signal` aborts.
 *
 * @example
 * const value = await raceAbort(fn(args), signal, "activity 'drain-nodes'")
 */
export const raceAbort = async <T>(work: Promise<T>, signal: AbortSignal, what: string): Promise<T> => {
  if (signal.aborted) throw interruptedBy(signal, what)
  let onAbort = (): void => undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(interruptedBy(signal, what))
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work, aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
