import type { KubeConfig } from '@kubernetes/client-node'
import { describeTarget, type FaultTarget } from '../ledger/fault-record.js'
import { UndoRefusedError } from '../ledger/fault-undoer.js'
import { ledgerPath as defaultLedgerPath, type LedgerProblem } from '../ledger/local-ledger.js'
import { recordFaultUndone } from '../ledger/record-fault.js'
import { describeApiError } from '../shared/api-error.js'
import { FAULT_UNDOERS } from './fault-undoers.js'
import { findLeftoverFaults, type LeftoverFault, type LeftoverSelection } from './find-leftover-faults.js'

/** What happened to one object. `left`: its run is still live and it was not selected. */
export type RecoveryOutcome = 'recovered' | 'would-recover' | 'left' | 'failed' | 'gone' | 'clean'

/** One output line: the object (when there is one), the outcome and why. */
export interface RecoveryLine {
  target?: FaultTarget
  outcome: RecoveryOutcome
  detail: string
}

export interface RecoveryReport {
  lines: RecoveryLine[]
  ledgerProblems: LedgerProblem[]
  /** Whether something selected could not be undone (or could not be looked at). */
  failed: boolean
}

const describeRun = (fault: LeftoverFault) =>
  `run ${fault.record.runId.slice(0, 8)} (pid ${fault.record.pid} on ${fault.record.host}, ${fault.record.change} at ${fault.record.at}) is ${fault.liveness}`

const undo = async (kc: KubeConfig, fault: LeftoverFault): Promise<RecoveryLine> => {
  try {
    const done = await FAULT_UNDOERS[fault.record.change].undo(kc, fault)
    await recordFaultUndone(kc, fault.target, fault.record.change, 'recovered')
    return { target: fault.target, outcome: 'recovered', detail: `${done}; ${describeRun(fault)}` }
  } catch (error) {
    const why = error instanceof UndoRefusedError ? error.message : describeApiError(error)
    return { target: fault.target, outcome: 'failed', detail: `not undone: ${why}` }
  }
}

/**
 * `vitest-chaos recover`: undoes, exactly, every recorded change the selection picks (by default those of dead
 * runs or past their deadline), closes the local ledger's lines for objects already clean or gone, and reports
 * one line per object. A second call finds nothing.
 *
 * @example
 * const report = await recoverFaults(kc, { dryRun: true })
 * for (const line of report.lines) console.log(formatRecoveryLine(line))
 */
export const recoverFaults = async (kc: KubeConfig, options: LeftoverSelection & { dryRun?: boolean } = {}): Promise<RecoveryReport> => {
  const search = await findLeftoverFaults(kc, options)
  const lines: RecoveryLine[] = search.errors.map((detail) => ({ outcome: 'failed', detail }))
  for (const fault of search.faults) {
    if (!fault.selected) lines.push({ target: fault.target, outcome: 'left', detail: `${describeRun(fault)}; not touched (use --all or --older-than to undo it anyway)` })
    else if (options.dryRun) lines.push({ target: fault.target, outcome: 'would-recover', detail: describeRun(fault) })
    else lines.push(await undo(kc, fault))
  }
  for (const { entry, state } of search.settled) {
    const detail = state === 'gone' ? 'no longer exists; nothing to undo' : 'carries no fault record any more (already rolled back); nothing to undo'
    lines.push({ target: entry.target, outcome: state, detail: `${detail} (local ledger entry of ${entry.at})` })
    if (!options.dryRun) await recordFaultUndone(kc, entry.target, entry.change, 'recovered')
  }
  return { lines, ledgerProblems: search.ledgerProblems, failed: lines.some((line) => line.outcome === 'failed') }
}

/** `recovered     Node chaos-worker2: uncordoned; run 4f2a… is dead`: one line of `recover`'s output. */
export const formatRecoveryLine = (line: RecoveryLine): string =>
  `${line.outcome.padEnd(13)} ${line.target ? `${describeTarget(line.target)}: ` : ''}${line.detail}`

/** `ledger        line 7 of .chaos/ledger.jsonl skipped: not JSON …`. */
export const formatLedgerProblem = (problem: LedgerProblem, path = defaultLedgerPath()): string =>
  `${'ledger'.padEnd(13)} line ${problem.line} of ${path} skipped: ${problem.reason}`
