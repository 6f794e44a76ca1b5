import type { KubeConfig } from '@kubernetes/client-node'
import type { FaultRecord, FaultTarget, LedgerChange } from './fault-record.js'

/** An object that carries a fault record, as found on the cluster. */
export interface RecordedFault {
  target: FaultTarget
  record: FaultRecord
}

/** Why a recorded change could not be undone, in words for one output line. */
export class UndoRefusedError extends Error {
  override name = 'UndoRefusedError'
}

/**
 * How one kind of change is found and undone exactly: `list` finds every object of the kind that carries a record,
 * `read` one object (`undefined` when it no longer exists), `undo` restores the recorded prior state and clears
 * the record, resolving to what it did (e.g. `uncordoned`), or throws `UndoRefusedError` saying why not.
 */
export interface FaultUndoer {
  change: LedgerChange
  list(kc: KubeConfig): Promise<RecordedFault[]>
  read(kc: KubeConfig, target: FaultTarget): Promise<{ record: FaultRecord | undefined } | undefined>
  undo(kc: KubeConfig, fault: RecordedFault): Promise<string>
}
