import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { bridgeScriptPath } from './bridge-script.js'
import type { PythonAnswer, PythonRequest } from './python-protocol.js'

/** What the bridge said when it was ready. */
export interface BridgeReady {
  version: string
  executable: string
  /** Milliseconds from spawn to the ready message. */
  startMs: number
}

export interface BridgeProcessOptions {
  python: string
  env: NodeJS.ProcessEnv
  /** A line the bridge (or code it runs outside a call) wrote to stdout or stderr. */
  onOutput: (stream: 'stdout' | 'stderr', line: string) => void
}

interface Pending {
  resolve: (answer: PythonAnswer) => void
  reject: (error: Error) => void
}

const STDERR_TAIL_LINES = 20

/** The interpreter died: why, in words (exit code or signal, and the last lines it wrote on stderr). */
export class BridgeExitedError extends Error {
  override name = 'BridgeExitedError'
}

/**
 * One running bridge process: requests go out on fd 3, answers come back on fd 4, one JSON line each.
 *
 * @example
 * const bridge = await BridgeProcess.start({ python: '/usr/bin/python3', env: process.env, onOutput: console.log })
 * const answer = await bridge.send({ op: 'call', module: 'os.path', func: 'exists', arguments: { path: '/' } })
 */
export class BridgeProcess {
  private readonly pending = new Map<number, Pending>()
  private readonly cancelled = new Set<number>()
  private readonly stderrTail: string[] = []
  private nextId = 1
  private exit: string | undefined
  readonly exited: Promise<void>

  private constructor(
    private readonly child: ChildProcess,
    readonly ready: Promise<BridgeReady>,
    options: BridgeProcessOptions,
  ) {
    const lines = (stream: Readable | null, each: (line: string) => void) => {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', each)
    }
    // a write to a pipe whose reader died is reported by the close handler, not as an uncaught error
    for (const stream of child.stdio) stream?.on('error', () => undefined)
    lines(child.stdout, (line) => options.onOutput('stdout', line))
    lines(child.stderr, (line) => {
      this.stderrTail.push(line)
      if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift()
      options.onOutput('stderr', line)
    })
    this.exited = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        this.exit = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`
        const error = new BridgeExitedError(this.describeExit())
        for (const call of this.pending.values()) call.reject(error)
        this.pending.clear()
        resolve()
      })
    })
  }

  /** Spawns the interpreter on the bridge script; resolves once it answered that it is ready. */
  static start(options: BridgeProcessOptions): BridgeProcess {
    const startedAt = performance.now()
    const child = spawn(options.python, ['-u', bridgeScriptPath()], {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
      detached: true,
    })
    let onReady: (ready: BridgeReady) => void = () => undefined
    let onFailed: (error: Error) => void = () => undefined
    const ready = new Promise<BridgeReady>((resolve, reject) => {
      onReady = resolve
      onFailed = reject
    })
    const bridge = new BridgeProcess(child, ready, options)
    child.once('error', (error) => onFailed(new BridgeExitedError(`could not start ${options.python}: ${error.message}`)))
    void bridge.exited.then(() => onFailed(new BridgeExitedError(bridge.describeExit())))
    createInterface({ input: child.stdio[4] as Readable, crlfDelay: Infinity }).on('line', (line) => {
      const message = JSON.parse(line) as PythonAnswer & { ready?: boolean; version?: string; executable?: string }
      if (message.ready) return onReady({ version: message.version ?? '?', executable: message.executable ?? options.python, startMs: performance.now() - startedAt })
      bridge.settle(message)
    })
    return bridge
  }

  get alive(): boolean {
    return this.exit === undefined
  }

  /** Sends one request; the promise settles with its answer, or rejects when the interpreter dies first. */
  send(request: PythonRequest): { id: number; answer: Promise<PythonAnswer> } {
    const id = this.nextId++
    const answer = new Promise<PythonAnswer>((resolve, reject) => {
      if (!this.alive) return reject(new BridgeExitedError(this.describeExit()))
      this.pending.set(id, { resolve, reject })
      this.write({ ...request, id })
    })
    return { id, answer }
  }

  /** Asks the bridge to raise KeyboardInterrupt in a running call; its answer is then dropped. */
  cancel(id: number): void {
    if (!this.pending.delete(id)) return
    this.cancelled.add(id)
    this.write({ op: 'cancel', id })
  }

  /** True until the call answered (also after it was cancelled) or the interpreter died. */
  isRunning(id: number): boolean {
    return this.alive && (this.pending.has(id) || this.cancelled.has(id))
  }

  /** Closes the request pipe (the bridge exits); kills the process group if it lingers. */
  async stop(graceMs = 2000): Promise<void> {
    if (!this.alive) return
    ;(this.child.stdio[3] as Writable).end()
    const timer = setTimeout(() => this.kill(), graceMs)
    await this.exited
    clearTimeout(timer)
  }

  /** Kills the interpreter and whatever it started, at once. */
  kill(): void {
    if (!this.alive || this.child.pid === undefined) return
    try {
      process.kill(-this.child.pid, 'SIGKILL')
    } catch {
      this.child.kill('SIGKILL')
    }
  }

  private settle(message: PythonAnswer & { id?: number }): void {
    if (message.id === undefined) return
    this.cancelled.delete(message.id)
    const call = this.pending.get(message.id)
    if (!call) return
    this.pending.delete(message.id)
    call.resolve(message)
  }

  private write(message: object): void {
    const pipe = this.child.stdio[3] as Writable
    if (pipe.writable) pipe.write(`${JSON.stringify(message)}\n`)
  }

  private describeExit(): string {
    const tail = this.stderrTail.length > 0 ? `; its last stderr lines: ${this.stderrTail.slice(-5).join(' | ')}` : ''
    return `the Python interpreter ${this.exit ?? 'stopped'}${tail}`
  }
}
