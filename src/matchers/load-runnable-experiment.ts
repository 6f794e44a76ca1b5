import type { ActivityCatalog } from '../experiment/activity-function.js'
import { loadExperiment } from '../experiment/load-experiment.js'
import type { Experiment } from '../experiment/types.js'

/** Reads a Chaos Toolkit file and validates it, throwing `InvalidExperimentError` with every issue found. */
export const loadRunnableExperiment = async (path: string, _options: { catalog: ActivityCatalog }): Promise<Experiment> => {
  const loaded = await loadExperiment(path)
  return loaded.document as Experiment
}
