import type { KubeConfig } from '@kubernetes/client-node'
import type { FaultTarget } from '../ledger/fault-record.js'
import type { RecordedFault } from '../ledger/fault-undoer.js'
import { openLedgerTargets, readLedger, targetKey, type LedgerEntry, type LedgerProblem } from '../ledger/local-ledger.js'
import { serverOf } from '../ledger/record-fault.js'
import { judgeRun, type RunLiveness } from '../ledger/run-liveness.js'
import { describeApiError } from '../shared/api-error.js'
import { FAULT_UNDOERS } from './fault-undoers.js'

/** Which leftovers to act on: by default those whose run is dead or past its deadline. */
export interface LeftoverSelection {
  /** Every recorded change, whatever its run. */
  all?: boolean
  /** Also changes made longer ago than this (ms), whatever their run. */
  olderThanMs?: number
  now?: Date
  /** The local ledger to read (default `CHAOS_LEDGER` or `.chaos/ledger.jsonl`). */
  ledgerPath?: string
}

/** A recorded change on the cluster, judged. */
export interface LeftoverFault extends RecordedFault {
  liveness: RunLiveness
  selected: boolean
}

/** What the search found: changes on the cluster, ledger lines whose object is clean or gone, and what could not be read. */
export interface LeftoverSearch {
  faults: LeftoverFault[]
  /** Open ledger lines whose object no longer exists (`gone`) or carries no record any more (`clean`). */
  settled: Array<{ entry: LedgerEntry; state: 'gone' | 'clean' }>
  ledgerProblems: LedgerProblem[]
  /** Listings or reads that failed, one line each. */
  errors: string[]
}

const judge = (fault: RecordedFault, selection: LeftoverSelection, now: Date): LeftoverFault => {
  const liveness = judgeRun(fault.record, now)
  const age = now.getTime() - Date.parse(fault.record.at)
  const selected = selection.all === true || liveness === 'dead' || liveness === 'past-deadline' || (selection.olderThanMs !== undefined && age >= selection.olderThanMs)
  return { ...fault, liveness, selected }
}

const KIND_NOUNS: Record<FaultTarget['kind'], string> = { Node: 'nodes', Deployment: 'deployments', VirtualService: 'VirtualServices', DaemonSet: 'daemon sets' }

/**
 * Finds every change a run recorded on the cluster of `kc` (listing nodes, deployments, VirtualServices and daemon sets for
 * their `vitest-chaos.io/` records) plus the objects the local ledger left open for that API server, and judges
 * each run. Reads only.
 *
 * @example
 * const { faults } = await findLeftoverFaults(kc)
 * faults.filter((fault) => fault.selected) // changes of dead runs
 */
export const findLeftoverFaults = async (kc: KubeConfig, selection: LeftoverSelection = {}): Promise<LeftoverSearch> => {
  const now = selection.now ?? new Date()
  const found = new Map<string, RecordedFault>()
  const errors: string[] = []
  for (const undoer of Object.values(FAULT_UNDOERS)) {
    try {
      for (const fault of await undoer.list(kc)) found.set(targetKey(fault.target), fault)
    } catch (error) {
      errors.push(`cannot list the ${undoer.change} records: ${describeApiError(error)}`)
    }
  }
  const { entries, problems } = await readLedger(selection.ledgerPath)
  const settled: LeftoverSearch['settled'] = []
  for (const entry of openLedgerTargets(entries, serverOf(kc))) {
    if (found.has(targetKey(entry.target))) continue
    try {
      const read = await FAULT_UNDOERS[entry.change].read(kc, entry.target)
      if (!read) settled.push({ entry, state: 'gone' })
      else if (!read.record) settled.push({ entry, state: 'clean' })
      else found.set(targetKey(entry.target), { target: entry.target, record: read.record })
    } catch (error) {
      errors.push(`cannot read ${KIND_NOUNS[entry.target.kind].slice(0, -1)} ${entry.target.name} from the ledger: ${describeApiError(error)}`)
    }
  }
  return { faults: [...found.values()].map((fault) => judge(fault, selection, now)), settled, ledgerProblems: problems, errors }
}
