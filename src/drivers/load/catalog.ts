import type { ActivityCatalog } from '../../experiment/activity-function.js'
import { ActivityFailedError } from '../../errors.js'
import { number, object, required, requiredString, string, value } from '../shared/activity-params.js'
import { catalogOf } from '../shared/catalog-of.js'
import { defineActivity } from '../shared/define-activity.js'
import type { LoadPhase } from './load-types.js'
import { ensureNameFree, findLoad, registerLoad } from './running-loads.js'
import { startLoad } from './start-load.js'

const MODULE = 'vitest-chaos.load'
const PHASES: readonly LoadPhase[] = ['baseline', 'fault', 'recovery']
const loadName = string('name', 'default')
const milliseconds = (seconds: number | undefined) => (seconds === undefined ? undefined : seconds * 1000)

/** `vitest-chaos.load.start_load`. */
export const startLoadActivity = defineActivity({
  module: MODULE,
  name: 'start_load',
  doc: 'Sends HTTP load until `duration` seconds pass or stop_load is called, then returns the load report (run it as a background activity).',
  params: {
    url: requiredString('url'),
    path: string('path'),
    connections: number('connections'),
    rate: number('rate'),
    duration: number('duration', 30),
    maxRequests: number('max_requests'),
    timeout: number('timeout'),
    headers: object<Record<string, string>>('headers'),
    name: loadName,
  },
  run: async ({ url, path, connections, rate, duration, maxRequests, timeout, headers, name }, context) => {
    ensureNameFree(name)
    const timeoutMs = milliseconds(timeout)
    const load = startLoad({
      url,
      ...(path === undefined ? {} : { path }),
      ...(connections === undefined ? {} : { connections }),
      ...(rate === undefined ? {} : { overallRate: rate }),
      ...(maxRequests === undefined ? {} : { maxRequests }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(headers ? { headers: headers as Record<string, string> } : {}),
      maxDurationMs: duration * 1000,
      signal: context.signal,
    })
    registerLoad(name, load)
    context.log(`load '${name}' started on ${url}${path ?? ''} for at most ${duration} s`)
    return load.finished
  },
})

/** `vitest-chaos.load.mark_load_phase`. */
export const markLoadPhase = defineActivity({
  module: MODULE,
  name: 'mark_load_phase',
  doc: "Counts the requests sent from now on toward 'baseline', 'fault' or 'recovery' in the load report.",
  params: { phase: required(value<LoadPhase>('phase')), name: loadName },
  run: ({ phase, name }) => {
    if (!PHASES.includes(phase as LoadPhase)) throw new ActivityFailedError(`mark_load_phase: phase must be one of ${PHASES.join(', ')}, got ${JSON.stringify(phase)}`)
    findLoad(name, 'mark_load_phase').mark(phase as LoadPhase)
    return phase
  },
})

/** `vitest-chaos.load.stop_load`. */
export const stopLoad = defineActivity({
  module: MODULE,
  name: 'stop_load',
  doc: 'Stops a load started by start_load and returns its report (throughput, error rate and latency by phase).',
  params: { name: loadName },
  run: ({ name }) => findLoad(name, 'stop_load').stop(),
})

/** The load driver as Chaos Toolkit functions: module `vitest-chaos.load`. */
export const loadCatalog: ActivityCatalog = catalogOf([startLoadActivity, markLoadPhase, stopLoad])
