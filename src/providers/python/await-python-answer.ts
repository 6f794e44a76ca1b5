import { interruptedBy } from '../interrupt.js'
import type { BridgeProcess } from './bridge-process.js'
import { PythonTimeoutError } from './python-bridge-errors.js'
import type { PythonAnswer } from './python-protocol.js'

export interface AwaitPythonAnswerOptions {
  signal: AbortSignal
  timeoutMs?: number
  what: string
  /** How long a cancelled call may take to stop before the interpreter is killed. */
  cancelGraceMs: number
  log: (level: 'warning', message: string) => void
}

/** Cancels call `id`, and kills the interpreter when the call has not stopped after the grace time. */
const giveUpCall = (bridge: BridgeProcess, id: number, options: AwaitPythonAnswerOptions): void => {
  bridge.cancel(id)
  const timer = setTimeout(() => {
    if (!bridge.isRunning(id)) return
    options.log('warning', `${options.what} did not stop after it was cancelled; the Python interpreter was killed (the next call starts a new one)`)
    bridge.kill()
  }, options.cancelGraceMs)
  timer.unref()
}

/** The answer of a sent call, unless the signal aborts or the timeout passes first: then the call is given up. */
export const awaitPythonAnswer = async (bridge: BridgeProcess, sent: { id: number; answer: Promise<PythonAnswer> }, options: AwaitPythonAnswerOptions): Promise<PythonAnswer> => {
  const { signal, timeoutMs, what } = options
  let cleanup = (): void => undefined
  const ended = new Promise<never>((_, reject) => {
    const onAbort = () => {
      giveUpCall(bridge, sent.id, options)
      reject(interruptedBy(signal, what))
    }
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
      giveUpCall(bridge, sent.id, options)
      reject(new PythonTimeoutError(`${what} took too long to complete (timeout ${timeoutMs / 1000}s)`))
    }, timeoutMs)
    signal.addEventListener('abort', onAbort, { once: true })
    cleanup = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    }
  })
  try {
    return await Promise.race([sent.answer, ended])
  } finally {
    cleanup()
  }
}
