import type { LedgerChange } from '../ledger/fault-record.js'
import type { FaultUndoer } from '../ledger/fault-undoer.js'
import { httpFaultUndoer } from '../istio/undo-http-fault.js'
import { daemonSetSpecUndoer } from '../kubernetes/daemonset/undo-update.js'
import { scaleUndoer } from '../kubernetes/deployment/undo-scale.js'
import { cordonUndoer } from '../kubernetes/node/undo-cordon.js'

/** The undoer of every change the ledger records. */
export const FAULT_UNDOERS: Readonly<Record<LedgerChange, FaultUndoer>> = {
  cordon: cordonUndoer,
  scale: scaleUndoer,
  'http-fault': httpFaultUndoer,
  'daemonset-spec': daemonSetSpecUndoer,
}
