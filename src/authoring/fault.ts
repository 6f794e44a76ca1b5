import type { Action, Activity, Pauses } from '../experiment/types.js'
import { collectConfiguration, declareConfiguration } from './activity-configuration.js'
import { parseDuration, type Duration } from './duration.js'

/** A fault built in code: the method's actions and the rollbacks that undo them. */
export interface FaultDefinition {
  title: string
  /** The experiment's method. */
  method: Activity[]
  rollbacks: Action[]
}

export interface FaultOptions {
  actions: readonly Activity[]
  rollbacks?: readonly Action[]
  /** `before` the first action and `after` the last one; a bare number is seconds, as in Chaos Toolkit. */
  pauses?: { before?: Duration; after?: Duration }
}

const toSeconds = (duration: Duration): number => parseDuration(duration, 's') / 1000

const withPauses = (activity: Activity, pauses: Pauses): Activity =>
  declareConfiguration({ ...activity, pauses: { ...activity.pauses, ...pauses } }, collectConfiguration([activity]))

/**
 * Declares a fault: the actions that inject it and the rollbacks that always undo it.
 *
 * @example
 * const drainNode = fault('drain one node', {
 *   actions: [k8s.drainNodes({ count: 1, deletePodsWithLocalStorage: true })],
 *   rollbacks: [k8s.uncordonNode()],
 *   pauses: { after: '20s' },
 * })
 */
export const fault = (title: string, options: FaultOptions): FaultDefinition => {
  if (options.actions.length === 0) {
    throw new TypeError(`fault('${title}'): give at least one action, e.g. k8s.drainNodes({ count: 1 })`)
  }
  const method = [...options.actions]
  const { before, after } = options.pauses ?? {}
  if (before !== undefined) method[0] = withPauses(method[0]!, { before: toSeconds(before) })
  if (after !== undefined) method[method.length - 1] = withPauses(method.at(-1)!, { after: toSeconds(after) })
  return { title, method, rollbacks: [...(options.rollbacks ?? [])] }
}
