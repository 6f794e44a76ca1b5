// chaoslib's get_controls / get_context_controls (control/__init__.py, 1.44), ported as written.
import type { Experiment, JsonObject } from '../../experiment/types.js'

export type ControlLevel = 'experiment' | 'hypothesis' | 'method' | 'rollback' | 'activity'

const automatic = (control: JsonObject): boolean => control.automatic !== false
const copy = (control: JsonObject): JsonObject => structuredClone(control)
const listOf = (value: unknown): JsonObject[] => (Array.isArray(value) ? (value as JsonObject[]) : [])

/**
 * The controls that apply at a level: the context's own, with the top-level ones merged in as
 * chaoslib does (automatic ones at every lower level, only they at method and rollback level; a `ref`
 * pulls in the named top-level control; a same-named context control replaces the top-level one).
 *
 * @example
 * contextControls('activity', experiment, activity) // [top-level automatic..., activity's own...]
 */
export const contextControls = (level: ControlLevel, experiment: Experiment, context: { controls?: unknown }): JsonObject[] => {
  const topLevel = listOf(experiment.controls)
  const controls = [...listOf(context.controls)]
  if (topLevel.length === 0) return controls
  if (controls.length === 0 || level === 'method' || level === 'rollback') return topLevel.filter(automatic).map(copy)
  for (const control of [...controls]) {
    if ('ref' in control) {
      const referenced = topLevel.find((top) => top.name === control.ref)
      if (referenced) controls.push(copy(referenced))
      continue
    }
    for (const top of [...topLevel].reverse()) {
      if (control.name === top.name) continue
      if (level !== 'experiment' && automatic(top)) controls.unshift(copy(top))
    }
  }
  return controls
}

/** Every control declared anywhere (experiment, hypothesis, activities), once per name, for configure and cleanup. */
export const declaredControls = (experiment: Experiment): JsonObject[] => {
  const hypothesis = experiment['steady-state-hypothesis']
  const activities = [...(hypothesis?.probes ?? []), ...experiment.method, ...(experiment.rollbacks ?? [])]
  const all = [...listOf(experiment.controls), ...listOf(hypothesis?.controls), ...activities.flatMap((activity) => listOf((activity as { controls?: unknown }).controls))]
  const seen = new Set<unknown>()
  return all.filter((control) => {
    if (!control.name || seen.has(control.name)) return false
    seen.add(control.name)
    return true
  })
}
