import { mergeCatalogs, type ActivityCatalog } from '../experiment/activity-function.js'
import { isPlainObject } from '../experiment/plain-object.js'
import { forEachActivity } from '../experiment/walk-activities.js'

// Module path prefix → the catalog that serves it, imported on first use: client-node and autocannon load only
// for an experiment that calls a Kubernetes, Istio or load function.
const catalogLoaders: readonly { prefix: string; load: () => Promise<ActivityCatalog> }[] = [
  { prefix: 'chaosk8s.', load: async () => (await import('./kubernetes/catalog.js')).kubernetesCatalog },
  { prefix: 'chaosistio.', load: async () => (await import('./istio/catalog.js')).istioCatalog },
  { prefix: 'vitest-chaos.load', load: async () => (await import('./load/catalog.js')).loadCatalog },
]

/**
 * The part of `driverCatalog` that serves the given Chaos Toolkit module paths, loading only those drivers
 * (all of them by default).
 *
 * @example
 * const catalog = await loadDriverCatalog(['chaosk8s.node.actions']) // loads the Kubernetes driver only
 */
export const loadDriverCatalog = async (modules: Iterable<string> = catalogLoaders.map(({ prefix }) => prefix)): Promise<ActivityCatalog> => {
  const wanted = new Set<(typeof catalogLoaders)[number]>()
  for (const module of modules) {
    for (const loader of catalogLoaders) if (module.startsWith(loader.prefix)) wanted.add(loader)
  }
  return mergeCatalogs(...(await Promise.all([...wanted].map(({ load }) => load()))))
}

/** The Chaos Toolkit module paths a document's python activities call. */
const pythonModulesOf = (document: unknown): Set<string> => {
  const modules = new Set<string>()
  forEachActivity(document, (activity) => {
    const provider = isPlainObject(activity) ? activity.provider : undefined
    if (isPlainObject(provider) && provider.type === 'python' && typeof provider.module === 'string') modules.add(provider.module)
  })
  return modules
}

/**
 * The drivers an experiment document calls, and only those (none for an experiment of http and process activities),
 * merged over `base`, whose modules need no driver. A module nobody serves loads every driver, so the "known modules"
 * of the validation error stay complete.
 *
 * @example
 * const catalog = await loadCatalogFor(loaded.document, builtinCatalog)
 */
export const loadCatalogFor = async (document: unknown, base: ActivityCatalog): Promise<ActivityCatalog> => {
  const modules = [...pythonModulesOf(document)].filter((module) => !Object.hasOwn(base, module))
  if (modules.length === 0) return base
  const served = mergeCatalogs(base, await loadDriverCatalog(modules))
  return modules.every((module) => Object.hasOwn(served, module)) ? served : mergeCatalogs(base, await loadDriverCatalog())
}
