import { execa } from 'execa'
import { ClusterError } from '../errors.js'

export interface RunCommandOptions {
  provider: string
  env: NodeJS.ProcessEnv
  signal?: AbortSignal
  /** Each stderr line as it arrives (kind and istioctl report progress there). */
  log?: (line: string) => void
  timeoutMs?: number
  input?: string
}

/**
 * Runs one external command in its own process group, so an abort or timeout also ends the
 * children it started (kind starts docker); a failure is a `ClusterError` quoting its stderr.
 */
export const runCommand = async (file: string, args: readonly string[], options: RunCommandOptions): Promise<string> => {
  const child = execa(file, args, {
    env: options.env,
    extendEnv: false,
    detached: true,
    reject: false,
    stdin: options.input === undefined ? 'ignore' : 'pipe',
    ...(options.input === undefined ? {} : { input: options.input }),
  })
  const killGroup = () => {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
  }
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(killGroup, options.timeoutMs)
  options.signal?.addEventListener('abort', killGroup, { once: true })
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim() !== '') options.log?.(line.trimEnd())
  })
  try {
    const result = await child
    if (result.exitCode === 0) return result.stdout
    const command = [file, ...args].join(' ')
    const why = options.signal?.aborted ? 'was interrupted' : result.signal ? `was killed (${result.signal})` : `exited with ${String(result.exitCode)}`
    const tail = result.stderr.trim().split('\n').slice(-3).join(' | ')
    throw new ClusterError(`${options.provider} cluster: \`${command}\` ${why}${tail ? `: ${tail}` : ''}`, options.provider)
  } finally {
    if (timer) clearTimeout(timer)
    options.signal?.removeEventListener('abort', killGroup)
  }
}
