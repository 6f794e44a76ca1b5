// Real child processes get real signals: the first starts the rollback, a second must not cut it short.
import { fileURLToPath } from 'node:url'
import { execa, type ResultPromise } from 'execa'
import { afterEach, describe, expect, it } from 'vitest'

const CHILD = fileURLToPath(new URL('./testing/exit-signals-child.ts', import.meta.url))

interface Child {
  process: ResultPromise<{ reject: false; buffer: true }>
  stdout: () => string
  stderr: () => string
  /** Resolves when `stream` has printed `text`; rejects when the child exits first. */
  printed: (stream: 'stdout' | 'stderr', text: string) => Promise<void>
}

const children: Child[] = []

const startChild = (): Child => {
  const child = execa(process.execPath, ['--import', 'tsx', CHILD], { reject: false, buffer: true, stdin: 'pipe', timeout: 60_000 })
  const output = { stdout: '', stderr: '' }
  const waiters: Array<() => void> = []
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].on('data', (chunk: Buffer) => {
      output[stream] += chunk.toString()
      for (const wake of waiters.splice(0)) wake()
    })
  }
  const printed = (stream: 'stdout' | 'stderr', text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output[stream].includes(text)) resolve()
        else waiters.push(check)
      }
      check()
      void child.then(() => (output[stream].includes(text) ? resolve() : reject(new Error(`the child exited without printing ${JSON.stringify(text)} on ${stream}:\n${output.stdout}\n${output.stderr}`))))
    })
  const started: Child = { process: child, stdout: () => output.stdout, stderr: () => output.stderr, printed }
  children.push(started)
  return started
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.process.exitCode === undefined && child.process.pid) child.process.kill('SIGKILL')
})

/** A child whose chaos test is rolling back after `first`. */
const rollingBackAfter = async (first: NodeJS.Signals) => {
  const child = startChild()
  await child.printed('stdout', 'ready')
  child.process.kill(first)
  await child.printed('stdout', 'rolling back')
  return child
}

describe('rollBackOnExitSignals', () => {
  it('finishes the rollback when a second SIGINT comes during it, says so, and exits 130', async () => {
    const child = await rollingBackAfter('SIGINT')
    child.process.kill('SIGINT')
    await child.printed('stderr', 'received while the rollback is in progress')
    child.process.stdin.write('finish\n')
    const result = await child.process
    expect(result.exitCode, child.stderr()).toBe(130)
    expect(child.stdout().split('\n').filter(Boolean)).toEqual(['ready', 'aborted: SIGINT received', 'rolling back', 'signal 1', 'signal 2', 'rolled back'])
    expect(child.stderr()).toContain('vitest-chaos: SIGINT received, rolling back 1 chaos test before exiting')
    expect(child.stderr()).toContain('`npx vitest-chaos recover`')
  })

  it('finishes the rollback when its stderr reader is gone, as when the Vitest main process exits at the first signal', async () => {
    const child = await rollingBackAfter('SIGINT')
    await new Promise((closed) => child.process.stderr.once('close', closed).destroy())
    child.process.kill('SIGINT')
    // the warning has met the closed pipe (EPIPE); the rollback still waits for its line and finishes
    await child.printed('stdout', 'signal 2')
    child.process.stdin.write('finish\n')
    await child.printed('stdout', 'rolled back')
    expect((await child.process).exitCode).toBe(130)
  })

  it('gives up at the third signal, naming recover, with the exit code of the first', async () => {
    const child = await rollingBackAfter('SIGTERM')
    child.process.kill('SIGINT')
    await child.printed('stderr', 'received while the rollback is in progress')
    child.process.kill('SIGINT')
    const result = await child.process
    expect(result.exitCode, child.stderr()).toBe(143)
    expect(child.stdout()).not.toContain('rolled back')
    expect(child.stderr()).toContain('exiting before the rollback finished; run `npx vitest-chaos recover`')
  })
})
