import { setTimeout as delay } from 'node:timers/promises'
import type { ActivityCatalog, ActivityFunction } from '../experiment/activity-function.js'

const sleep: ActivityFunction = {
  params: ['duration'],
  required: ['duration'],
  doc: 'Waits `duration` seconds (stops early when the run is interrupted); returns the seconds waited.',
  async run({ duration }, { signal }) {
    const seconds = Number(duration)
    if (!Number.isFinite(seconds) || seconds < 0) throw new TypeError(`duration must be a number of seconds >= 0, got ${JSON.stringify(duration)}`)
    await delay(seconds * 1000, undefined, { signal })
    return seconds
  },
}

const readEnv: ActivityFunction = {
  params: ['key', 'default'],
  required: ['key'],
  doc: 'The value of environment variable `key`, or `default` (null when not given) when it is not set.',
  run({ key, default: fallback = null }) {
    if (typeof key !== 'string' || key === '') throw new TypeError(`key must be a non-empty string, got ${JSON.stringify(key)}`)
    return process.env[key] ?? fallback
  },
}

/**
 * Functions every run can call, under module `vitest-chaos.builtins`.
 *
 * @example
 * { "type": "action", "name": "wait", "provider": { "type": "python", "module": "vitest-chaos.builtins", "func": "sleep", "arguments": { "duration": 2 } } }
 */
export const builtinCatalog: ActivityCatalog = {
  'vitest-chaos.builtins': { sleep, read_env: readEnv },
}
