import { hostname } from 'node:os'
import { isProcessAlive } from '../../host/is-process-alive.js'
import type { FaultRun } from './fault-record.js'

/** Whether the run that made a change still holds it. `unknown`: another host's process, before its deadline. */
export type RunLiveness = 'alive' | 'dead' | 'past-deadline' | 'unknown'

/**
 * Judges a recorded run: past its deadline, or (on this host) whether its process still exists.
 *
 * @example
 * judgeRun(record) // 'dead' after the test process was killed with SIGKILL
 */
export const judgeRun = (run: FaultRun, now = new Date()): RunLiveness => {
  const deadline = Date.parse(run.deadline)
  if (Number.isFinite(deadline) && deadline <= now.getTime()) return 'past-deadline'
  if (run.host !== hostname() || !Number.isInteger(run.pid) || run.pid <= 0) return 'unknown'
  return isProcessAlive(run.pid) ? 'alive' : 'dead'
}
