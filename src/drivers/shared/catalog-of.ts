import type { ActivityCatalog, ActivityFunction } from '../../experiment/activity-function.js'

/**
 * The catalog of defined functions, keyed by their module path and name.
 *
 * @example
 * export const nodeCatalog = catalogOf([cordonNode, uncordonNode, drainNodes])
 */
export const catalogOf = (functions: readonly (ActivityFunction & { module: string; name: string })[]): ActivityCatalog => {
  const catalog: Record<string, Record<string, ActivityFunction>> = {}
  for (const fn of functions) (catalog[fn.module] ??= {})[fn.name] = fn
  return catalog
}
