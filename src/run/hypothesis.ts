import { ActivityFailedError } from '../errors.js'
import type { Probe } from '../experiment/types.js'
import { formatException } from '../journal/format-exception.js'
import type { Run, SteadyState } from '../journal/types.js'
import { providerFor } from '../providers/provider-table.js'
import { withinTolerance } from '../tolerance/within-tolerance.js'
import { withControls } from './controls/with-controls.js'
import { executeActivity } from './execute-activity.js'
import type { RunContext } from './run-context.js'
import type { Phase } from './run-options.js'

/** True when the experiment declares a steady-state hypothesis with at least one probe. */
export const hasHypothesis = (context: RunContext): boolean => (context.experiment['steady-state-hypothesis']?.probes?.length ?? 0) > 0

const checkTolerance = async (probe: Probe, run: Run, context: RunContext, signal: AbortSignal): Promise<boolean> => {
  const runProbe = async (tolerance: Probe) => providerFor(tolerance.provider.type)!.run(tolerance, { ...context.providers, signal })
  try {
    return await withinTolerance(probe.tolerance!, run.output, { lookup: context.lookup, runProbe })
  } catch (error) {
    if (context.mode !== 'strict' || !(error instanceof ActivityFailedError)) throw error
    run.status = 'failed'
    run.exception = formatException(error)
    context.log('error', `  => tolerance of probe '${probe.name}' could not be checked: ${error.message}`)
    return false
  }
}

/**
 * chaoslib's `run_steady_state_hypothesis`: probes in order, stopping at the first failed probe or
 * missed tolerance; dry modes that skip probes count every tolerance as met.
 *
 * @example
 * const state = await runSteadyStateHypothesis(context, 'hypothesis-before', context.interrupts.any)
 */
export const runSteadyStateHypothesis = async (context: RunContext, phase: Phase, signal: AbortSignal): Promise<SteadyState> => {
  const hypothesis = context.experiment['steady-state-hypothesis']!
  const state: SteadyState = { steady_state_met: null, probes: [] }
  context.log('info', `Steady state hypothesis: ${hypothesis.title}`)
  return withControls(context, 'hypothesis', hypothesis, () => runProbes(context, phase, signal, state), () => state)
}

const runProbes = async (context: RunContext, phase: Phase, signal: AbortSignal, state: SteadyState): Promise<SteadyState> => {
  for (const probe of context.experiment['steady-state-hypothesis']!.probes ?? []) {
    const run = await executeActivity(probe, context, { phase, signal, record: (record) => state.probes.push(record) })
    if (run.status === 'failed') {
      Object.assign(run, { tolerance_met: false })
      context.log('warning', 'Probe terminated unexpectedly, so its tolerance could not be validated')
      state.steady_state_met = false
      return state
    }
    run.tolerance_met = true
    if (context.dry === 'probes' || context.dry === 'activities') continue
    if (!(await checkTolerance(probe, run, context, signal))) {
      run.tolerance_met = false
      context.log('critical', `Steady state probe '${probe.name}' is not in the given tolerance so failing this experiment`)
      state.steady_state_met = false
      return state
    }
  }
  context.log('info', 'Steady state hypothesis is met!')
  state.steady_state_met = true
  return state
}
