import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { DEFAULT_READY_TIMEOUT_MS } from '../clusters/cluster-provider.js'
import type { ClusterProviderName } from '../clusters/started-cluster.js'
import { forEachActivity } from '../experiment/walk-activities.js'
import { isPlainObject } from '../experiment/plain-object.js'

/** The least a chaos test is given: hypothesis, fault, recovery and rollbacks with room to spare. */
export const CHAOS_TIMEOUT_FLOOR_MS = 3 * 60_000
/** Time to start the emulated cluster (about 1 s) or to connect to an existing one, with a wide margin for a loaded CI machine. */
const QUICK_START_MS = 60_000

/** Time a cluster provider may take to start: kind and k3s create a real cluster (up to their ready timeout). */
export const clusterStartAllowanceMs = (provider: ClusterProviderName | false): number =>
  provider === 'kind' || provider === 'k3s' ? DEFAULT_READY_TIMEOUT_MS : provider === false ? 0 : QUICK_START_MS

/** Seconds an experiment document pauses in total; hypothesis probes count twice (before and after the method). */
export const sumPausesSeconds = (document: unknown): number => {
  let total = 0
  forEachActivity(document, (activity, _path, role) => {
    if (!isPlainObject(activity) || !isPlainObject(activity.pauses)) return
    const own = [activity.pauses.before, activity.pauses.after].reduce<number>((sum, pause) => sum + (typeof pause === 'number' && pause > 0 ? pause : 0), 0)
    total += role === 'hypothesis' ? 2 * own : own
  })
  return total
}

/** Pauses of an experiment file, read synchronously at test registration; 0 when it cannot be read (the run reports why). */
export const readPausesSeconds = (path: string): number => {
  try {
    const text = readFileSync(path, 'utf8')
    return sumPausesSeconds(/\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text))
  } catch {
    return 0
  }
}

/**
 * The timeout a chaos test gets when nobody set one: the cluster's start-up plus the experiment's pauses plus two
 * minutes for probes, load and rollbacks, and never less than {@link CHAOS_TIMEOUT_FLOOR_MS}.
 *
 * @example
 * chaosTimeoutMs({ provider: 'emulated', pausesSeconds: 40 })   // 220_000
 */
export const chaosTimeoutMs = (what: { provider: ClusterProviderName | false; pausesSeconds?: number }): number =>
  Math.max(CHAOS_TIMEOUT_FLOOR_MS, clusterStartAllowanceMs(what.provider) + (what.pausesSeconds ?? 0) * 1000 + 2 * 60_000)
