import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Experiment } from '../experiment/types.js'
import { defineExperiment, type ExperimentDefinition } from './define-experiment.js'

const isExperiment = (value: Experiment | ExperimentDefinition): value is Experiment => 'method' in value

/**
 * The Chaos Toolkit JSON text of an experiment, ready for `chaos run` or `vitest-chaos run`.
 *
 * @example
 * await writeFile('drain.json', toExperiment({ title: 'survives a drain', steadyState: app, fault: drainNode }))
 */
export const toExperiment = (experiment: Experiment | ExperimentDefinition): string =>
  `${JSON.stringify(isExperiment(experiment) ? experiment : defineExperiment(experiment), null, 2)}\n`

/**
 * Writes an experiment as a Chaos Toolkit JSON file, creating the folder when needed.
 *
 * @example
 * await writeExperiment('experiments/drain.json', { title: 'survives a drain', steadyState: app, fault: drainNode })
 */
export const writeExperiment = async (path: string, experiment: Experiment | ExperimentDefinition): Promise<void> => {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, toExperiment(experiment))
}
