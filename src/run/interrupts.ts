import { InterruptedError } from '../errors.js'

/** The two ways a run can be stopped from outside, as chaoslib's SIGINT (graceful) and SIGUSR2 (ungraceful). */
export interface Interrupts {
  /** Graceful: the run ends `interrupted`, background activities are awaited, the rollback strategy decides. */
  graceful: AbortSignal
  /** Ungraceful: the run ends `interrupted` at once; no rollbacks, background activities are not awaited. */
  stop: AbortSignal
  /** Aborted by either; what activities outside rollbacks listen to. */
  any: AbortSignal
  /** Detaches from the caller's signals, so one signal can serve many runs without piling up listeners. */
  dispose(): void
}

const isUngracefulReason = (reason: unknown): boolean => reason instanceof InterruptedError && !reason.graceful

/**
 * Splits the caller's signals into the two abort kinds. A `signal` aborted with an
 * `InterruptedError` whose `graceful` is false counts as ungraceful.
 *
 * @example
 * const interrupts = createInterrupts(options.signal, options.stopSignal)
 */
export const createInterrupts = (signal?: AbortSignal, stopSignal?: AbortSignal): Interrupts => {
  const stop = new AbortController()
  const detach: (() => void)[] = []
  const forward = (source: AbortSignal | undefined, always: boolean) => {
    if (!source) return
    const onAbort = () => {
      if (always || isUngracefulReason(source.reason)) stop.abort(source.reason)
    }
    if (source.aborted) return onAbort()
    source.addEventListener('abort', onAbort, { once: true })
    detach.push(() => source.removeEventListener('abort', onAbort))
  }
  forward(stopSignal, true)
  forward(signal, false)
  const graceful = signal ?? new AbortController().signal
  const any = new AbortController()
  const onAny = (source: AbortSignal) => () => any.abort(source.reason)
  for (const source of [graceful, stop.signal]) {
    if (source.aborted) any.abort(source.reason)
    const listener = onAny(source)
    source.addEventListener('abort', listener, { once: true })
    detach.push(() => source.removeEventListener('abort', listener))
  }
  return { graceful, stop: stop.signal, any: any.signal, dispose: () => detach.splice(0).forEach((undo) => undo()) }
}

/** A one-sentence account of why the run was interrupted. */
export const describeInterrupt = (signal: AbortSignal): string => {
  const reason: unknown = signal.reason
  if (typeof reason === 'string') return `interrupted by ${reason}`
  if (reason instanceof Error && reason.name !== 'AbortError') return `interrupted: ${reason.message}`
  return 'interrupted by the caller'
}
