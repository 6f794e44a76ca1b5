// Makes sure no container process outlives the process that runs the cluster, even after a SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process'

// The guard reads "+<pgid>" / "-<pgid>" lines; when its stdin ends (our process exited, however it died) it
// SIGKILLs every group still listed. It ignores the signals a terminal or a test runner sends to our group.
const GUARD_SOURCE = `
const groups = new Set(); let buffer = ''
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {})
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => {
  buffer += chunk
  for (let end = buffer.indexOf('\\n'); end >= 0; end = buffer.indexOf('\\n')) {
    const line = buffer.slice(0, end); buffer = buffer.slice(end + 1)
    const pgid = Number(line.slice(1))
    if (line[0] === '+') groups.add(pgid); else groups.delete(pgid)
  }
})
process.stdin.on('end', () => {
  for (const pgid of groups) { try { process.kill(-pgid, 'SIGKILL') } catch {} }
  process.exit(0)
})
`

/** A tiny watchdog process per kubelet that kills the registered process groups when this process goes away. */
export class ProcessGuard {
  #guard: ChildProcess | undefined

  /** Registers a process group (the pid of a process spawned with `detached: true`). */
  watch(pgid: number): void {
    this.#send(`+${pgid}\n`)
  }

  /** The group is gone; the guard forgets it so a recycled pid is never signalled. */
  forget(pgid: number): void {
    if (this.#guard) this.#send(`-${pgid}\n`)
  }

  /** Ends the guard; it kills whatever is still registered. */
  close(): void {
    this.#guard?.stdin?.end()
    this.#guard = undefined
  }

  #send(line: string): void {
    this.#guard ??= this.#spawn()
    this.#guard.stdin?.write(line)
  }

  #spawn(): ChildProcess {
    const guard = spawn(process.execPath, ['-e', GUARD_SOURCE], { stdio: ['pipe', 'ignore', 'inherit'], env: { PATH: process.env.PATH ?? '' } })
    // neither the guard nor its pipe may keep this process alive
    guard.unref()
    ;(guard.stdin as unknown as { unref?: () => void } | null)?.unref?.()
    guard.stdin?.on('error', () => undefined)
    guard.on('error', (error) => console.error(`[emulator] kubelet: the process guard could not start (${error.message}); container processes may outlive this one`))
    return guard
  }
}
