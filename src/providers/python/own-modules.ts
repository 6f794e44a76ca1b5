import type { ActivityCatalog } from '../../experiment/activity-function.js'

const OWN_PREFIXES = ['chaosk8s', 'chaosistio', 'vitest-chaos']

/**
 * True for modules our TypeScript catalog answers for: anything in the catalog, and every `chaosk8s.*`,
 * `chaosistio.*` and `vitest-chaos.*` path, which never go to Python.
 *
 * @example
 * isOwnModule('chaosk8s.crd.actions', catalog) // true, even though we do not implement it
 */
export const isOwnModule = (module: string, catalog: ActivityCatalog): boolean =>
  Object.hasOwn(catalog, module) || OWN_PREFIXES.some((prefix) => module === prefix || module.startsWith(`${prefix}.`))
