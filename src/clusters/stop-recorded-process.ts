import { readFile } from 'node:fs/promises'
import { setTimeout as delay } from 'node:timers/promises'
import { isProcessAlive } from '../host/is-process-alive.js'
import type { RecordedClusterRequest, StopRecordedResult } from './cluster-provider.js'
import { clusterStatePath, removeClusterState } from './cluster-state.js'

/** On Linux, checks that the pid still runs a `cluster up` (a recycled pid must not be signalled). */
const runsClusterUp = async (pid: number): Promise<boolean> => {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined)
  return cmdline === undefined ? true : cmdline.split('\0').includes('cluster') && cmdline.split('\0').includes('up')
}

/**
 * SIGTERMs the `cluster up` process recorded in cluster.json and waits (bounded) for it to exit.
 * Resolves to what happened.
 */
export const stopRecordedProcess = async (pid: number, timeoutMs = 30_000): Promise<'stopped' | 'not-running' | 'still-running'> => {
  if (!isProcessAlive(pid) || !(await runsClusterUp(pid))) return 'not-running'
  process.kill(pid, 'SIGTERM')
  const step = 50
  for (let waited = 0; waited < timeoutMs; waited += step) {
    if (!isProcessAlive(pid)) return 'stopped'
    await delay(step)
  }
  return isProcessAlive(pid) ? 'still-running' : 'stopped'
}

/**
 * `cluster down` for a cluster that lives in its `cluster up` process: signals the pid recorded in `cluster.json`.
 *
 * @example
 * const { stopped, message } = await stopRecordedClusterProcess({ stateDir: '.chaos', state, env: process.env })
 */
export const stopRecordedClusterProcess = async ({ stateDir, state }: RecordedClusterRequest): Promise<StopRecordedResult> => {
  if (state?.pid === undefined) {
    return { stopped: false, message: `no running cluster recorded in ${clusterStatePath(stateDir)}; for kind, pass --provider kind` }
  }
  const outcome = await stopRecordedProcess(state.pid)
  if (outcome === 'still-running') return { stopped: false, message: `process ${state.pid} did not stop within 30 s; stop it with \`kill ${state.pid}\`` }
  if (outcome === 'not-running') {
    await removeClusterState(stateDir)
    return { stopped: true, message: `no process ${state.pid} was running; removed the stale ${clusterStatePath(stateDir)}` }
  }
  return { stopped: true, message: `${state.provider} cluster stopped (process ${state.pid})` }
}
