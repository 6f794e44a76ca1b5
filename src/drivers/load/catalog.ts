import type { ActivityCatalog, ActivityFunction } from '../../experiment/activity-function.js'
import { ActivityFailedError } from '../../errors.js'
import type { LoadPhase } from './load-types.js'
import { ensureNameFree, findLoad, registerLoad } from './running-loads.js'
import { startLoad } from './start-load.js'

const numberArg = (args: Record<string, unknown>, name: string, func: string): number | undefined => {
  const value = args[name]
  if (value === undefined || value === null) return undefined
  const number = typeof value === 'string' ? Number(value) : value
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new ActivityFailedError(`${func}: argument '${name}' must be a number, got ${JSON.stringify(value)}`)
  return number
}

const stringArg = (args: Record<string, unknown>, name: string, fallback: string): string => {
  const value = args[name]
  return typeof value === 'string' && value !== '' ? value : fallback
}

const PHASES: readonly LoadPhase[] = ['baseline', 'fault', 'recovery']

const startLoadFunction: ActivityFunction = {
  params: ['url', 'path', 'connections', 'rate', 'duration', 'max_requests', 'timeout', 'headers', 'name'],
  required: ['url'],
  doc: 'Sends HTTP load until `duration` seconds pass or stop_load is called, then returns the load report (run it as a background activity).',
  async run(args, context) {
    const seconds = (name: string) => {
      const value = numberArg(args, name, 'start_load')
      return value === undefined ? undefined : value * 1000
    }
    const name = stringArg(args, 'name', 'default')
    ensureNameFree(name)
    const connections = numberArg(args, 'connections', 'start_load')
    const rate = numberArg(args, 'rate', 'start_load')
    const maxRequests = numberArg(args, 'max_requests', 'start_load')
    const maxDurationMs = seconds('duration') ?? 30_000
    const timeoutMs = seconds('timeout')
    const load = startLoad({
      url: stringArg(args, 'url', ''),
      ...(typeof args.path === 'string' ? { path: args.path } : {}),
      ...(connections === undefined ? {} : { connections }),
      ...(rate === undefined ? {} : { overallRate: rate }),
      ...(maxRequests === undefined ? {} : { maxRequests }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(args.headers && typeof args.headers === 'object' ? { headers: args.headers as Record<string, string> } : {}),
      maxDurationMs,
      signal: context.signal,
    })
    registerLoad(name, load)
    context.log(`load '${name}' started on ${stringArg(args, 'url', '')}${typeof args.path === 'string' ? args.path : ''} for at most ${maxDurationMs / 1000} s`)
    return load.finished
  },
}

const markLoadPhaseFunction: ActivityFunction = {
  params: ['phase', 'name'],
  required: ['phase'],
  doc: "Counts the requests sent from now on toward 'baseline', 'fault' or 'recovery' in the load report.",
  run(args) {
    const phase = args.phase as LoadPhase
    if (!PHASES.includes(phase)) throw new ActivityFailedError(`mark_load_phase: phase must be one of ${PHASES.join(', ')}, got ${JSON.stringify(args.phase)}`)
    findLoad(stringArg(args, 'name', 'default'), 'mark_load_phase').mark(phase)
    return phase
  },
}

const stopLoadFunction: ActivityFunction = {
  params: ['name'],
  required: [],
  doc: 'Stops a load started by start_load and returns its report (throughput, error rate and latency by phase).',
  run: (args) => findLoad(stringArg(args, 'name', 'default'), 'stop_load').stop(),
}

/** The load driver as Chaos Toolkit functions: module `vitest-chaos.load`. */
export const loadCatalog: ActivityCatalog = {
  'vitest-chaos.load': {
    start_load: startLoadFunction,
    mark_load_phase: markLoadPhaseFunction,
    stop_load: stopLoadFunction,
  },
}
