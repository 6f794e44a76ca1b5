import { loadCatalogFor } from '../drivers/load-driver-catalog.js'
import type { ActivityCatalog } from '../experiment/activity-function.js'

/**
 * The catalog a run of `experiment` uses: `catalog` when the test gave one, else the drivers the experiment's python
 * activities call, imported now (client-node and autocannon load only for a run that needs them).
 *
 * @example
 * const catalog = await catalogFor(experiment, scope.catalog)
 */
export const catalogFor = async (experiment: unknown, catalog: ActivityCatalog | undefined): Promise<ActivityCatalog> => catalog ?? loadCatalogFor(experiment, {})
