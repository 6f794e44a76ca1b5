import type { Probe, SteadyStateHypothesis } from '../experiment/types.js'

/** A steady-state hypothesis built in code: the Chaos Toolkit shape, with its probes always present. */
export interface SteadyStateDefinition extends SteadyStateHypothesis {
  probes: Probe[]
}

/**
 * Declares what "healthy" means: every probe must meet its tolerance.
 *
 * @example
 * const app = steadyState('bookinfo is healthy', [
 *   k8s.allPodsHealthy({ ns: 'bookinfo' }),
 *   http.probe('product page answers', { path: '/productpage', timeout: '1s', tolerance: 200 }),
 * ])
 */
export const steadyState = (title: string, probes: readonly Probe[]): SteadyStateDefinition => {
  if (!title.trim()) throw new TypeError('steadyState(title, probes): give the hypothesis a non-empty title')
  const missing = probes.filter((probe) => probe.tolerance === undefined).map((probe) => probe.name)
  if (missing.length > 0) {
    throw new TypeError(
      `steadyState('${title}'): probe${missing.length > 1 ? 's' : ''} ${missing.map((n) => `'${n}'`).join(', ')} ` +
        'has no tolerance; a hypothesis probe needs one (e.g. tolerance: true or 200)',
    )
  }
  return { title, probes: [...probes] }
}
