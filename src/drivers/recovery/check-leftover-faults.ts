import type { KubeConfig } from '@kubernetes/client-node'
import { ChaosError } from '../../errors.js'
import { describeTarget } from '../ledger/fault-record.js'
import { findLeftoverFaults, type LeftoverSelection } from './find-leftover-faults.js'
import { formatRecoveryLine, recoverFaults } from './recover-faults.js'

export interface CheckLeftoverOptions extends Pick<LeftoverSelection, 'ledgerPath'> {
  /** Reads `CHAOS_RECOVER` (`auto`: undo the leftovers instead of stopping). */
  env?: NodeJS.ProcessEnv
  /** Where progress goes (what was recovered, what could not be looked at). */
  log?: (line: string) => void
  /** Names the caller in the error, e.g. `chaosTest on cluster kind-chaos`. */
  where: string
}

/**
 * Look before you break: before a run against a cluster that outlives it, stops with an error naming every change
 * left by a run that is no longer alive (or past its deadline) and saying `npx vitest-chaos recover`; with
 * `CHAOS_RECOVER=auto` undoes them instead. Objects it cannot list are reported through `log`, not thrown.
 *
 * @example
 * await checkLeftoverFaults(kc, { where: `vitest-chaos run on context ${context}`, log: console.error })
 */
export const checkLeftoverFaults = async (kc: KubeConfig, options: CheckLeftoverOptions): Promise<void> => {
  const env = options.env ?? process.env
  const log = options.log ?? (() => undefined)
  const search = await findLeftoverFaults(kc, { ...(options.ledgerPath ? { ledgerPath: options.ledgerPath } : {}) })
  for (const error of search.errors) log(`leftover check: ${error}`)
  const leftovers = search.faults.filter((fault) => fault.selected)
  if (leftovers.length === 0) return
  if (env.CHAOS_RECOVER?.trim().toLowerCase() === 'auto') {
    const report = await recoverFaults(kc, { ...(options.ledgerPath ? { ledgerPath: options.ledgerPath } : {}) })
    for (const line of report.lines) log(`CHAOS_RECOVER=auto: ${formatRecoveryLine(line)}`)
    const failed = report.lines.filter((line) => line.outcome === 'failed')
    if (failed.length > 0) throw new ChaosError(`${options.where}: CHAOS_RECOVER=auto could not undo what an earlier run left: ${failed.map(formatRecoveryLine).join('; ')}`)
    return
  }
  const named = leftovers.map((fault) => `${describeTarget(fault.target)} (${fault.record.change} by run ${fault.record.runId.slice(0, 8)}, pid ${fault.record.pid} on ${fault.record.host}, ${fault.liveness})`)
  throw new ChaosError(
    `${options.where}: ${leftovers.length} fault${leftovers.length === 1 ? '' : 's'} left by a run that is no longer alive: ${named.join(', ')}. ` +
      'Undo them first with `npx vitest-chaos recover` (or set CHAOS_RECOVER=auto to undo them before each run)',
  )
}
