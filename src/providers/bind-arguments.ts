import type { ActivityFunction } from '../experiment/activity-function.js'

/** Why `arguments` do not fit a function's signature, in the order Python's `inspect.bind` reports them. */
export interface BindingProblem {
  kind: 'missing' | 'unknown'
  argument: string
  message: string
}

const INJECTED = ['configuration', 'secrets']

/**
 * Checks `arguments` against the signature as chaoslib does, with `configuration`/`secrets` counted as
 * given when the function takes them: every missing required parameter first, then every unknown one.
 *
 * @example
 * checkBinding(fn, { ns: 'a', colour: 1 }, 'all_pods_healthy') // [{ kind: 'unknown', argument: 'colour', ... }]
 */
export const checkBinding = (fn: ActivityFunction, args: Record<string, unknown>, funcName: string): BindingProblem[] => {
  const given = new Set([...Object.keys(args), ...INJECTED.filter((name) => fn.params.includes(name))])
  const missing = fn.required
    .filter((name) => !given.has(name))
    .map((argument) => ({ kind: 'missing' as const, argument, message: `required argument '${argument}' is missing from activity '${funcName}'` }))
  const unknown = Object.keys(args)
    .filter((name) => !fn.params.includes(name))
    .map((argument) => ({ kind: 'unknown' as const, argument, message: `argument '${argument}' is not part of the function signature in activity '${funcName}'` }))
  return [...missing, ...unknown]
}

/** The keyword arguments a function is called with: its arguments plus `configuration` and the declared `secrets` scopes. */
export const bindArguments = (
  fn: ActivityFunction,
  args: Record<string, unknown>,
  injected: { configuration: Record<string, unknown>; secrets: Record<string, Record<string, unknown>>; secretScopes?: string[] },
): Record<string, unknown> => {
  const bound: Record<string, unknown> = { ...args }
  if (fn.params.includes('configuration')) bound.configuration = { ...injected.configuration }
  if (fn.params.includes('secrets') && injected.secretScopes?.length) {
    bound.secrets = Object.assign({}, ...injected.secretScopes.map((scope) => injected.secrets[scope] ?? {})) as Record<string, unknown>
  }
  return bound
}
