import { ActivityFailedError, ChaosError } from '../../errors.js'
import type { Activity, PythonProvider } from '../../experiment/types.js'
import { interruptedBy } from '../interrupt.js'
import type { ProviderContext } from '../provider.js'
import { PythonError, describePythonError } from './python-error.js'
import { PythonTimeoutError, PythonUnavailableError } from './python-bridge-errors.js'
import { BridgeExitedError } from './bridge-process.js'

const logPrinted = (context: ProviderContext, what: string, printed: string): void => {
  if (printed === '') return
  for (const line of printed.replace(/\n$/, '').split('\n')) context.log('info', `${what} printed: ${line}`)
}

const failureOf = (error: unknown, what: string, context: ProviderContext): Error => {
  if (context.signal.aborted) return interruptedBy(context.signal, what)
  if (error instanceof PythonTimeoutError || error instanceof BridgeExitedError) return new ActivityFailedError(`${error.name}: ${error.message}`, { cause: error })
  if (error instanceof PythonUnavailableError) return error
  return error instanceof Error ? error : new ChaosError(String(error))
}

/**
 * Runs a python activity whose module is not ours in the run's Python bridge, as chaoslib's
 * `run_python_activity` does: a module or function that cannot be loaded is an unexpected error
 * (the run aborts), an exception raised by the function is a failed activity (`<Type>: <message>`).
 * The output is the return value as chaostoolkit journals it; other objects become their repr.
 */
export const runPythonActivity = async (activity: Activity, context: ProviderContext): Promise<unknown> => {
  const provider = activity.provider as PythonProvider
  const what = `python activity '${activity.name}' (${provider.module}.${provider.func})`
  if (!context.python) throw new PythonUnavailableError(`${what} needs a Python bridge, which this provider context does not have`)
  const args = context.substitute({ ...provider.arguments })
  const timeout = typeof provider.timeout === 'number' && provider.timeout > 0 ? { timeoutMs: provider.timeout * 1000 } : {}
  const answer = await context.python
    .call(
      { op: 'call', module: provider.module, func: provider.func, arguments: args, configuration: context.configuration, secrets: context.secrets, secret_scopes: Array.isArray(provider.secrets) ? provider.secrets : null },
      { signal: context.signal, what, ...timeout },
    )
    .catch((error: unknown) => {
      throw failureOf(error, what, context)
    })
  logPrinted(context, what, answer.printed)
  if (answer.ok) {
    if (answer.replaced.length > 0) context.log('warning', `${what} returned ${answer.replaced.join(', ')} values, which are not JSON: the journal holds their repr (chaos run's journal encoder would fail on them)`)
    return JSON.parse(answer.value) as unknown
  }
  const described = describePythonError(answer.error)
  const cause = new PythonError(answer.error)
  if (answer.phase === 'load') throw new ChaosError(`${what} could not be loaded: ${described}`, { cause })
  throw new ActivityFailedError(described, { cause })
}
