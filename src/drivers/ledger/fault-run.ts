import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { FaultRun } from './fault-record.js'

/** How long a change may stay before it counts as abandoned even while its process lives (`CHAOS_FAULT_DEADLINE_MINUTES`). */
export const DEFAULT_FAULT_DEADLINE_MINUTES = 60

// one id per process unless CI names the run (CHAOS_RUN_ID), so every change of this process shares it
const processRunId = randomUUID()

const deadlineMinutes = (env: NodeJS.ProcessEnv): number => {
  const minutes = Number(env.CHAOS_FAULT_DEADLINE_MINUTES)
  return Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_FAULT_DEADLINE_MINUTES
}

/**
 * Who is making a change now: this process on this host, with its run id and deadline.
 *
 * @example
 * const run = currentFaultRun() // { runId, at, pid: process.pid, host: os.hostname(), deadline }
 */
export const currentFaultRun = (now = new Date(), env: NodeJS.ProcessEnv = process.env): FaultRun => ({
  runId: env.CHAOS_RUN_ID?.trim() || processRunId,
  at: now.toISOString(),
  pid: process.pid,
  host: hostname(),
  deadline: new Date(now.getTime() + deadlineMinutes(env) * 60_000).toISOString(),
})
