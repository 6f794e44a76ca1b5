import type { ActivityCatalog } from '../experiment/activity-function.js'
import { loadExperiment } from '../experiment/load-experiment.js'
import type { Experiment } from '../experiment/types.js'
import { ensureExperimentIsValid } from '../run/validate-experiment.js'
import { catalogFor } from './catalog-for.js'

/** Reads a Chaos Toolkit file and validates it against `catalog` (default: the drivers it calls), throwing `InvalidExperimentError` with every issue found. */
export const loadRunnableExperiment = async (path: string, catalog?: ActivityCatalog): Promise<Experiment> => {
  const loaded = await loadExperiment(path)
  return ensureExperimentIsValid(loaded.document, { catalog: await catalogFor(loaded.document, catalog), locate: loaded.locate, source: loaded.source })
}
