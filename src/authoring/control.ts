import type { Activity, JsonObject, JsonValue } from '../experiment/types.js'

/** A Chaos Toolkit control as the experiment file declares it (`provider.type: python`). */
export type ControlDeclaration = JsonObject & { name: string; provider: JsonObject & { type: 'python'; module: string } }

export interface ControlOptions {
  /** Keyword arguments of the module's hooks (substituted with `${name}`, except for `configure_control`). */
  arguments?: Record<string, JsonValue>
  /** Only the `before_*` or only the `after_*` hooks. */
  scope?: 'before' | 'after'
  /** `false`: a top-level control that does not apply to the hypothesis, method, rollbacks and activities. */
  automatic?: boolean
}

/**
 * Declares a Python control (run by the Python bridge, with chaoslib's hooks and order), for
 * `defineExperiment({ controls })` or an activity's own controls with `withActivityControls`.
 *
 * @example
 * const tracing = control('tracing', 'chaostracing.control', { arguments: { tracing_provider: 'jaeger' } })
 * defineExperiment({ title: 'survives a drain', steadyState: app, fault: drainNode, controls: [tracing] })
 */
export const control = (name: string, module: string, options: ControlOptions = {}): ControlDeclaration => {
  if (name === '' || module === '') throw new TypeError(`control('${name}', '${module}'): give a name and a Python module path, e.g. control('tracing', 'chaostracing.control')`)
  return {
    name,
    provider: { type: 'python', module, ...(options.arguments && { arguments: options.arguments }) },
    ...(options.scope && { scope: options.scope }),
    ...(options.automatic === false && { automatic: false }),
  }
}

/**
 * The activity with controls of its own (applied around it only, after the automatic top-level ones).
 *
 * @example
 * const watched = withActivityControls(k8s.drainNodes({ count: 1 }), control('audit', 'myteam.controls.audit'))
 */
export const withActivityControls = <T extends Activity>(activity: T, ...controls: ControlDeclaration[]): T => ({
  ...activity,
  controls: [...(activity.controls ?? []), ...controls],
})
