import { interruptedBy, raceAbort } from '../interrupt.js'
import { BridgeProcess, type BridgeReady } from './bridge-process.js'
import { awaitPythonAnswer } from './await-python-answer.js'
import { findPython } from './find-python.js'
import { PythonUnavailableError } from './python-bridge-errors.js'
import type { PythonAnswer, PythonRequest } from './python-protocol.js'

export interface PythonCallOptions {
  /** Aborting it ends the call at once (and the interpreter if the call does not stop soon after). */
  signal: AbortSignal
  /** Gives up the call after this many milliseconds. */
  timeoutMs?: number
  /** What is called, for messages: `activity 'x'`, `control 'y'`. */
  what: string
}

/** One interpreter per run, started on the first call and restarted after it died. */
export interface PythonBridge {
  call(request: PythonRequest, options: PythonCallOptions): Promise<PythonAnswer>
  /** Set once the interpreter answered that it is ready. */
  readonly ready: BridgeReady | undefined
  stop(): Promise<void>
}

export interface PythonBridgeOptions {
  env: NodeJS.ProcessEnv
  log: (level: 'debug' | 'info' | 'warning' | 'error', message: string) => void
  /** How long a cancelled call may take to stop before the interpreter is killed; default 1000 ms. */
  cancelGraceMs?: number
}

/**
 * A lazily started Python bridge for one run: the first call starts the interpreter (`CHAOS_PYTHON`,
 * else `python3` on PATH), later calls reuse it, `stop()` ends it with the run.
 *
 * @example
 * const bridge = createPythonBridge({ env: process.env, log: console.log })
 * const answer = await bridge.call({ op: 'call', module: 'os.path', func: 'exists', arguments: { path: '/' } }, { signal, what: "activity 'exists'" })
 * await bridge.stop()
 */
export const createPythonBridge = (options: PythonBridgeOptions): PythonBridge => {
  let current: BridgeProcess | undefined
  let ready: BridgeReady | undefined
  let stopped = false

  const running = async (): Promise<BridgeProcess> => {
    if (stopped) throw new PythonUnavailableError('the Python bridge was already stopped with its run')
    if (current?.alive) return current
    const python = findPython(options.env)
    if ('problem' in python) throw new PythonUnavailableError(`${python.problem} (${python.hint})`)
    const started = BridgeProcess.start({
      python: python.path,
      env: options.env,
      onOutput: (stream, line) => options.log(stream === 'stderr' ? 'warning' : 'info', `python ${stream}: ${line}`),
    })
    current = started
    try {
      ready = await started.ready
    } catch (error) {
      throw new PythonUnavailableError(`the Python bridge could not start with ${python.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
    options.log('debug', `Python bridge started: ${ready.executable} ${ready.version} in ${ready.startMs.toFixed(1)} ms`)
    return started
  }
  let starting: Promise<BridgeProcess> | undefined
  const bridgeProcess = (): Promise<BridgeProcess> => {
    if (current?.alive && ready && !starting) return Promise.resolve(current)
    starting ??= running().finally(() => {
      starting = undefined
    })
    return starting
  }

  const call = async (request: PythonRequest, callOptions: PythonCallOptions): Promise<PythonAnswer> => {
    if (callOptions.signal.aborted) throw interruptedBy(callOptions.signal, callOptions.what)
    const bridge = await raceAbort(bridgeProcess(), callOptions.signal, callOptions.what)
    return awaitPythonAnswer(bridge, bridge.send(request), { ...callOptions, cancelGraceMs: options.cancelGraceMs ?? 1000, log: options.log })
  }

  return {
    call,
    get ready() {
      return ready
    },
    async stop() {
      stopped = true
      // an interpreter stuck while starting is killed by stop() too, which settles `starting`
      await current?.stop()
      await starting?.catch(() => undefined)
    },
  }
}
