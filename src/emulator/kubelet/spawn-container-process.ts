// One container's process: its own process group, its output as log lines, its exit code as a container's.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { constants } from 'node:os'
import { createInterface } from 'node:readline'
import type { ProcessGuard } from './process-guard.js'

export interface ContainerProcess {
  pid: number
  /** Resolves once the process and every process left in its group are gone. */
  exited: Promise<{ exitCode: number }>
  /** Signals the whole process group. */
  signal(signal: 'SIGTERM' | 'SIGKILL'): void
}

/** The command could not be executed at all (not found, not executable, bad cwd): the container never ran. */
export class ContainerStartError extends Error {
  readonly exitCode = 128
}

export interface SpawnContainerOptions {
  command: readonly string[]
  cwd: string
  env: Record<string, string>
  log: (line: string) => void
  guard: ProcessGuard
}

/** A signal's death as a container runtime reports it: 128 + the signal number (SIGKILL → 137). */
const exitCodeOf = (code: number | null, signal: NodeJS.Signals | null): number =>
  code ?? 128 + (signal ? constants.signals[signal] : 0)

const signalGroup = (pgid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pgid, signal)
  } catch {
    // the group is already gone
  }
}

/** Spawns `command` as a process group leader and resolves once it runs; rejects with a {@link ContainerStartError} when it cannot. */
export const spawnContainerProcess = (options: SpawnContainerOptions): Promise<ContainerProcess> => {
  const [file, ...args] = options.command
  if (!file) return Promise.reject(new ContainerStartError('the program has an empty command'))
  const child = spawn(file, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream, crlfDelay: Infinity }).on('line', options.log)
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code !== 'ENOENT' ? error.message
        : existsSync(options.cwd) ? `exec: "${file}": executable file not found in $PATH` : `chdir to cwd ("${options.cwd}"): no such file or directory`
      reject(new ContainerStartError(`failed to start container process: ${reason}`, { cause: error }))
    })
    child.once('spawn', () => {
      const pid = child.pid!
      options.guard.watch(pid)
      let terminating = false
      // like a container runtime, what is left of the group dies with its leader (which also closes the pipes it
      // holds); after SIGTERM the rest of the group (a shell's child, say) may still finish within the grace period
      child.once('exit', () => terminating || signalGroup(pid, 'SIGKILL'))
      const exited = new Promise<{ exitCode: number }>((done) => {
        // 'close' waits for stdout and stderr to end, so the last log lines are in before the exit is reported
        child.once('close', (code, signal) => {
          signalGroup(pid, 'SIGKILL')
          options.guard.forget(pid)
          done({ exitCode: exitCodeOf(code, signal) })
        })
      })
      resolve({
        pid,
        exited,
        signal: (signal) => {
          terminating ||= signal === 'SIGTERM'
          signalGroup(pid, signal)
        },
      })
    })
  })
}
