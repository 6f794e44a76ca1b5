import { ActivityFailedError } from '../errors.js'
import type { Probe, ProbeTolerance } from '../experiment/types.js'
import { pythonTruthy } from './python-semantics.js'
import { isObjectOfType, type ToleranceKind } from './tolerance-kind.js'

const withValue = (tolerance: ProbeTolerance, value: unknown): Probe => {
  const args: unknown = tolerance.provider.arguments
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new ActivityFailedError(`probe tolerance '${tolerance.name}' needs provider.arguments as an object to receive the probe output as \`value\`; add "arguments": {}`)
  }
  const provider = { ...tolerance.provider, arguments: { ...args, value } }
  return { ...tolerance, provider } as Probe
}

/**
 * `{type: probe, ...}`: runs that probe with `arguments.value` set to the output (a copy: the experiment is not
 * changed) and passes when its result is truthy, Python-style; a failed probe means not met.
 */
export const probeTolerance: ToleranceKind = {
  name: 'probe',
  accepts: isObjectOfType('probe'),
  check: async (tolerance: ProbeTolerance, value, { runProbe }) => {
    if (!runProbe) throw new ActivityFailedError(`probe tolerance '${tolerance.name}' cannot run here: no probe runner was given`)
    const probe = withValue(tolerance, value)
    try {
      return pythonTruthy(await runProbe(probe))
    } catch (error) {
      if (error instanceof ActivityFailedError) return false
      throw error
    }
  },
}
