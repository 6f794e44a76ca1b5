// The contract between the python provider (engine) and the drivers (capabilities): drivers export
// catalogs of functions keyed by Chaos Toolkit module path; the provider binds arguments to them.

/** What a driver function receives besides its arguments. */
export interface ActivityFunctionContext {
  /** Aborted when the run is interrupted; long waits must stop on it. */
  signal: AbortSignal
  /** Progress lines shown by the CLI and recorded for reporters. */
  log: (message: string) => void
  /** Strict mode: fail loudly where Chaos Toolkit would silently succeed (see DESIGN.md). */
  strict: boolean
  /** The kubeconfig file of the cluster the run targets; drivers fall back to `KUBECONFIG`, as chaosk8s does. */
  kubeconfig?: string
}

/**
 * A function callable from an experiment as `{ type: python, module, func }`.
 *
 * @example
 * const allPodsHealthy: ActivityFunction = {
 *   params: ['ns', 'raise_on_any_unhealthy', 'secrets'],
 *   required: [],
 *   run: async ({ ns = 'default' }, { signal }) => true,
 * }
 */
export interface ActivityFunction {
  /** Parameter names in Python signature order, including `configuration`/`secrets` when the function takes them. */
  readonly params: readonly string[]
  /** Parameters without a default value. */
  readonly required: readonly string[]
  /** Short description (first line of the Python docstring). */
  readonly doc?: string
  /** Called with keyword arguments already bound and substituted; may return any JSON value. */
  run(args: Record<string, unknown>, context: ActivityFunctionContext): unknown
}

/** Chaos Toolkit module path (e.g. `chaosk8s.node.actions`) → function name → function. */
export type ActivityCatalog = Readonly<Record<string, Readonly<Record<string, ActivityFunction>>>>

/** Merges catalogs; later catalogs win on the same module and function name. */
export const mergeCatalogs = (...catalogs: ActivityCatalog[]): ActivityCatalog => {
  const merged: Record<string, Record<string, ActivityFunction>> = {}
  for (const catalog of catalogs) {
    for (const [module, functions] of Object.entries(catalog)) {
      merged[module] = { ...merged[module], ...functions }
    }
  }
  return merged
}
