import { ActivityFailedError } from '../errors.js'
import type { ActivityFunction } from '../experiment/activity-function.js'
import type { Activity, PythonProvider } from '../experiment/types.js'
import { bindArguments, checkBinding } from './bind-arguments.js'
import { interruptedBy, raceAbort } from './interrupt.js'
import { issueAt, type Provider, type ProviderContext, type ProviderValidationContext } from './provider.js'
import { isOwnModule } from './python/own-modules.js'
import { runPythonActivity } from './python/run-python-activity.js'
import { validatePythonActivity } from './python/validate-python-activity.js'

const findFunction = (context: { catalog: ProviderContext['catalog'] }, provider: PythonProvider): ActivityFunction | undefined =>
  Object.hasOwn(context.catalog, provider.module) && Object.hasOwn(context.catalog[provider.module]!, provider.func)
    ? context.catalog[provider.module]![provider.func]
    : undefined

const validatePython = (activity: Activity, context: ProviderValidationContext) => {
  const provider = activity.provider as Partial<PythonProvider>
  if (typeof provider.module !== 'string' || typeof provider.func !== 'string') return []
  if (!isOwnModule(provider.module, context.catalog)) return validatePythonActivity(activity, context)
  if (!Object.hasOwn(context.catalog, provider.module)) {
    return [issueAt(context, '/provider/module', 'python-module-not-found', `could not find Python module '${provider.module}' in activity '${activity.name}'`, `known modules: ${Object.keys(context.catalog).sort().join(', ')}`)]
  }
  const fn = findFunction(context, provider as PythonProvider)
  if (!fn) {
    const known = Object.keys(context.catalog[provider.module]!).sort().join(', ')
    return [issueAt(context, '/provider/func', 'python-function-not-found', `The python module '${provider.module}' does not expose a function called '${provider.func}' in ${activity.type} '${activity.name}'`, `functions there: ${known}`)]
  }
  const args = provider.arguments !== null && typeof provider.arguments === 'object' ? provider.arguments : {}
  return checkBinding(fn, args, provider.func).map((problem) =>
    issueAt(context, problem.kind === 'missing' ? '/provider/arguments' : `/provider/arguments/${problem.argument}`, `python-argument-${problem.kind}`, problem.message,
      `the function takes: ${fn.params.join(', ') || 'no arguments'}`))
}

const runPython = async (activity: Activity, context: ProviderContext): Promise<unknown> => {
  const provider = activity.provider as PythonProvider
  if (!isOwnModule(provider.module, context.catalog)) return runPythonActivity(activity, context)
  const fn = findFunction(context, provider)
  if (!fn) throw new ActivityFailedError(`no function '${provider.func}' in module '${provider.module}' (activity '${activity.name}')`)
  const args = context.substitute({ ...provider.arguments })
  const bound = bindArguments(fn, args, { configuration: context.configuration, secrets: context.secrets, secretScopes: provider.secrets })
  const log = (message: string) => context.log('info', message)
  // the run's environment names the cluster; drivers connect to it through their context, not process.env
  const kubeconfig = context.env.KUBECONFIG ? { kubeconfig: context.env.KUBECONFIG } : {}
  try {
    return await raceAbort(Promise.resolve().then(() => fn.run(bound, { signal: context.signal, log, strict: context.strict, ...kubeconfig })), context.signal, `activity '${activity.name}'`)
  } catch (error) {
    if (context.signal.aborted) throw interruptedBy(context.signal, `activity '${activity.name}'`)
    const name = error instanceof Error ? error.name : 'Error'
    const message = error instanceof Error ? error.message : String(error)
    throw new ActivityFailedError(`${name}: ${message}`, { cause: error })
  }
}

/**
 * `{ type: python }`: calls a registered TypeScript function by Chaos Toolkit module path and name;
 * any other module (not `chaosk8s.*`, `chaosistio.*` or ours) runs in the run's Python bridge.
 */
export const pythonProvider: Provider = { type: 'python', validate: validatePython, run: runPython }
