import type { Configuration, Experiment, HypothesisStrategy, RollbackStrategy, Secrets } from '../experiment/types.js'
import { collectConfiguration } from './activity-configuration.js'
import type { ControlDeclaration } from './control.js'
import type { FaultDefinition } from './fault.js'
import type { SteadyStateDefinition } from './steady-state.js'

export interface ExperimentDefinition {
  title: string
  description?: string
  tags?: string[]
  steadyState?: SteadyStateDefinition
  fault?: FaultDefinition
  /** Added over the configuration the activities declare (e.g. `product_page_url`). */
  configuration?: Configuration
  secrets?: Secrets
  rollbackStrategy?: RollbackStrategy
  hypothesisStrategy?: HypothesisStrategy
  /** Experiment-level Python controls (see `control()`), run through the Python bridge. */
  controls?: ControlDeclaration[]
}

/**
 * Assembles a Chaos Toolkit experiment from a steady state and a fault: the object the engine runs.
 *
 * @example
 * const experiment = defineExperiment({ title: 'survives a drain', steadyState: app, fault: drainNode })
 * const journal = await runExperiment(experiment, { mode: 'strict', catalog: driverCatalog })
 */
export const defineExperiment = (definition: ExperimentDefinition): Experiment => {
  const probes = definition.steadyState?.probes ?? []
  const method = definition.fault?.method ?? []
  const rollbacks = definition.fault?.rollbacks ?? []
  const configuration = { ...collectConfiguration([...probes, ...method, ...rollbacks]), ...definition.configuration }
  const runtime = {
    ...(definition.rollbackStrategy && { rollbacks: { strategy: definition.rollbackStrategy } }),
    ...(definition.hypothesisStrategy && { hypothesis: { strategy: definition.hypothesisStrategy } }),
  }
  return {
    title: definition.title,
    description: definition.description ?? definition.title,
    ...(definition.tags && { tags: definition.tags }),
    ...(Object.keys(configuration).length > 0 && { configuration }),
    ...(definition.secrets && { secrets: definition.secrets }),
    ...(definition.controls?.length && { controls: definition.controls }),
    ...(definition.steadyState && { 'steady-state-hypothesis': definition.steadyState }),
    method,
    ...(rollbacks.length > 0 && { rollbacks }),
    ...(Object.keys(runtime).length > 0 && { runtime }),
  }
}
