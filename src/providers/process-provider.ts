import { constants } from 'node:os'
import type { Result } from 'execa'
import { ActivityFailedError, ChaosError } from '../errors.js'
import type { Activity, ProcessProvider } from '../experiment/types.js'
import { interruptedBy } from './interrupt.js'
import { toArgumentList } from './process-arguments.js'
import { issueAt, type Provider, type ProviderContext } from './provider.js'
import { lookupExecutable } from './resolve-executable.js'

/** What a process activity returns, as chaoslib's `run_process_activity`. */
export interface ProcessOutput {
  status: number
  stdout: string
  stderr: string
}

// execa is imported when the first process activity runs, so a run without one never pays for loading it.
const startProcess = (execa: typeof import('execa').execa, provider: ProcessProvider, resolved: string, context: ProviderContext) => {
  const options = { reject: false, detached: true, env: context.env, extendEnv: false, stdin: 'ignore', stripFinalNewline: false } as const
  const argumentsValue = context.substitute(provider.arguments ?? [])
  if (typeof argumentsValue === 'string') return execa(`${resolved} ${argumentsValue}`, { ...options, shell: true })
  return execa(resolved, toArgumentList(argumentsValue), options)
}

const killGroup = (pid: number | undefined): void => {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

const exitStatus = (result: Result): number =>
  result.exitCode ?? -(result.signal ? constants.signals[result.signal] : 1)

const runProcess = async (activity: Activity, context: ProviderContext): Promise<ProcessOutput> => {
  const provider = activity.provider as ProcessProvider
  const resolved = lookupExecutable(provider.path, context.env).found ?? provider.path
  const { execa } = await import('execa')
  const child = startProcess(execa, provider, resolved, context)
  let timedOut = false
  const onAbort = () => killGroup(child.pid)
  context.signal.addEventListener('abort', onAbort, { once: true })
  const timer = provider.timeout === undefined ? undefined : setTimeout(() => {
    timedOut = true
    killGroup(child.pid)
  }, provider.timeout * 1000)
  try {
    const result = await child
    if (context.signal.aborted) throw interruptedBy(context.signal, `process '${provider.path}'`)
    if (timedOut) throw new ActivityFailedError('process activity took too long to complete')
    if (result.exitCode === undefined && result.signal === undefined) {
      throw new ChaosError(`could not start '${provider.path}' in activity '${activity.name}': ${result.shortMessage}`, { cause: result.cause })
    }
    const output = { status: exitStatus(result), stdout: String(result.stdout), stderr: String(result.stderr) }
    if (output.status !== 0) context.log('warning', `process '${provider.path}' returned exit code ${output.status}; a non-zero exit code is not a failure unless a tolerance says so`)
    return output
  } finally {
    clearTimeout(timer)
    context.signal.removeEventListener('abort', onAbort)
  }
}

/** `{ type: process }`: runs an executable; a non-zero exit status is output, not a failure. */
export const processProvider: Provider = {
  type: 'process',
  validate(activity, context) {
    const path = (activity.provider as Partial<ProcessProvider>).path
    if (typeof path !== 'string' || path === '') return []
    const lookup = lookupExecutable(path, context.env)
    if (!lookup.found) {
      return [issueAt(context, '/provider/path', 'process-path-not-found', `path '${path}' cannot be found, in activity '${activity.name}'`, 'install it, or give an absolute path or one on PATH')]
    }
    if (!lookup.executable) {
      return [issueAt(context, '/provider/path', 'process-path-not-executable', `no access permission to '${path}', in activity '${activity.name}'`, `make it executable (chmod +x ${lookup.found})`)]
    }
    return []
  },
  run: runProcess,
}
