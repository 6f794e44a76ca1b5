// `target` picks a key of the probe output, as Chaos Toolkit's `value.get(target, value)` does.
import { ActivityFailedError } from '../errors.js'

/**
 * Returns `value[target]` when the output is an object with that key, the whole output when the key is missing,
 * and throws `ActivityFailedError` when a target is given but the output is not an object.
 *
 * @example
 * pickTarget({ status: 200, body: 'ok' }, 'body', 'regex') // 'ok'
 */
export function pickTarget(value: unknown, target: unknown, kind: string): unknown {
  if (target === undefined || target === null || target === '') return value
  const key = typeof target === 'string' ? target : JSON.stringify(target)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ActivityFailedError(`${kind} tolerance has "target": ${JSON.stringify(target)} but the probe output is not an object (${JSON.stringify(value)}); remove "target" for this probe`)
  }
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : value
}
