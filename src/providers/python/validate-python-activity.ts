import type { ExperimentIssue } from '../../errors.js'
import type { Activity, PythonProvider } from '../../experiment/types.js'
import { issueAt, type ProviderValidationContext } from '../provider.js'
import type { PythonTarget } from './inspect-python.js'
import { createPythonInspector } from './python-inspector.js'

/** The target validation asks Python about for a python activity outside our catalog. */
export const activityTarget = (provider: PythonProvider): PythonTarget => ({
  kind: 'activity',
  module: provider.module,
  func: provider.func,
  arguments: provider.arguments !== null && typeof provider.arguments === 'object' ? Object.keys(provider.arguments) : [],
})

const BINDING_MESSAGES = {
  missing: (argument: string, func: string) => `required argument '${argument}' is missing from activity '${func}'`,
  unknown: (argument: string, func: string) => `argument '${argument}' is not part of the function signature in activity '${func}'`,
  positional: (argument: string, func: string) => `argument '${argument}' of '${func}' is positional-only and cannot be passed by name (chaoslib's validation crashes on it)`,
}

/**
 * chaoslib's `validate_python_activity` for a module we do not implement, answered by a real Python:
 * no interpreter, a module that does not import (with the ImportError and the interpreter), a missing
 * function, and every argument that does not bind, each located in the document.
 */
export const validatePythonActivity = (activity: Activity, context: ProviderValidationContext): ExperimentIssue[] => {
  const provider = activity.provider as PythonProvider
  const target = activityTarget(provider)
  const inspected = (context.inspectPython ?? createPythonInspector([target], context.env))(target)
  if ('problem' in inspected) {
    return [issueAt(context, '/provider/module', 'python-unavailable', `cannot check Python module '${provider.module}' in activity '${activity.name}': ${inspected.problem}`, inspected.hint)]
  }
  const { report, interpreter } = inspected
  const using = `${interpreter.path}, Python ${interpreter.version}${interpreter.from === 'CHAOS_PYTHON' ? ', from CHAOS_PYTHON' : ''}`
  if (report.ok) return []
  if (report.error === 'import') {
    return [issueAt(context, '/provider/module', 'python-module-not-found', `could not find Python module '${provider.module}' in activity '${activity.name}'`, `${report.message} (interpreter ${using}; install the module there, set PYTHONPATH, or choose another interpreter with CHAOS_PYTHON)`)]
  }
  if (report.error === 'function') {
    const why = report.exists ? `'${provider.func}' exists but is neither a function nor a builtin (chaoslib only accepts those; run with --no-validation to call it anyway)` : `the module has no '${provider.func}'`
    return [issueAt(context, '/provider/func', 'python-function-not-found', `The python module '${provider.module}' does not expose a function called '${provider.func}' in ${activity.type} '${activity.name}'`, `${why} (interpreter ${using})`)]
  }
  if (report.error === 'control') return []
  return report.problems.map((problem) =>
    issueAt(context, problem.kind === 'missing' ? '/provider/arguments' : `/provider/arguments/${problem.argument}`, `python-argument-${problem.kind}`, BINDING_MESSAGES[problem.kind](problem.argument, provider.func), `checked with ${using}`))
}
