// What a fault leaves on the object it changed: annotations under vitest-chaos.io/ saying who changed it, when,
// until when that run meant to hold it, and (in a kind-specific annotation) the exact state to restore.

/** The kinds of change the ledger knows how to undo exactly. */
export type LedgerChange = 'cordon' | 'scale' | 'http-fault' | 'daemonset-spec'

/** The kinds of object a recorded change can sit on. */
export type FaultObjectKind = 'Node' | 'Deployment' | 'VirtualService' | 'DaemonSet'

/** One object a fault changed: enough to read it back from the API server. */
export interface FaultTarget {
  kind: FaultObjectKind
  name: string
  namespace?: string
  /** Group/version for custom resources, e.g. `networking.istio.io/v1alpha3`. */
  apiVersion?: string
}

/** Who made a change: the run, the process and host that can vouch it is still live, and until when. */
export interface FaultRun {
  runId: string
  /** ISO time of the change. */
  at: string
  pid: number
  host: string
  /** ISO time after which the change counts as abandoned even if its process still seems alive. */
  deadline: string
}

/** The record read back from an object's annotations. */
export interface FaultRecord extends FaultRun {
  change: LedgerChange
}

/** Annotation keys of a fault record; the prior state uses one key per kind (see `PRIOR_STATE_ANNOTATIONS`). */
export const FAULT_ANNOTATIONS = {
  change: 'vitest-chaos.io/fault',
  runId: 'vitest-chaos.io/run-id',
  at: 'vitest-chaos.io/at',
  pid: 'vitest-chaos.io/pid',
  host: 'vitest-chaos.io/host',
  deadline: 'vitest-chaos.io/deadline',
} as const

/** Where each change keeps the exact state it must be restored to. */
export const PRIOR_STATE_ANNOTATIONS = {
  cordon: 'vitest-chaos.io/was-unschedulable',
  scale: 'vitest-chaos.io/prior-replicas',
  'http-fault': 'vitest-chaos.io/pre-fault-http',
  'daemonset-spec': 'vitest-chaos.io/prior-daemonset-spec',
} as const satisfies Record<LedgerChange, string>

const CHANGES: readonly LedgerChange[] = ['cordon', 'scale', 'http-fault', 'daemonset-spec']

/**
 * The annotations that record `change` by `run`, to be written in the same request as the change itself.
 *
 * @example
 * patch.metadata.annotations = { ...faultAnnotations('cordon', run), [PRIOR_STATE_ANNOTATIONS.cordon]: 'false' }
 */
export const faultAnnotations = (change: LedgerChange, run: FaultRun): Record<string, string> => ({
  [FAULT_ANNOTATIONS.change]: change,
  [FAULT_ANNOTATIONS.runId]: run.runId,
  [FAULT_ANNOTATIONS.at]: run.at,
  [FAULT_ANNOTATIONS.pid]: String(run.pid),
  [FAULT_ANNOTATIONS.host]: run.host,
  [FAULT_ANNOTATIONS.deadline]: run.deadline,
})

/** A merge-patch `annotations` value that removes every fault annotation of `change` (record and prior state). */
export const clearedFaultAnnotations = (change: LedgerChange): Record<string, null> =>
  Object.fromEntries([...Object.values(FAULT_ANNOTATIONS), PRIOR_STATE_ANNOTATIONS[change]].map((key) => [key, null]))

type Annotated = { metadata?: { annotations?: Record<string, string> | undefined } | undefined }

/** The object's annotations (an empty object when it has none). */
export const annotationsOf = (object: unknown): Record<string, string> => (object as Annotated | null)?.metadata?.annotations ?? {}

/**
 * The fault record on an object, or undefined when it carries none. Unreadable fields (a pid that is not a
 * number) are kept as they are so the record still counts, and liveness treats them as unknown.
 *
 * @example
 * const record = readFaultRecord(node) // { change: 'cordon', runId: '…', pid: 4242, … }
 */
export const readFaultRecord = (object: unknown): FaultRecord | undefined => {
  const annotations = annotationsOf(object)
  const change = annotations[FAULT_ANNOTATIONS.change] as LedgerChange | undefined
  if (!change || !CHANGES.includes(change)) return undefined
  return {
    change,
    runId: annotations[FAULT_ANNOTATIONS.runId] ?? '',
    at: annotations[FAULT_ANNOTATIONS.at] ?? '',
    pid: Number(annotations[FAULT_ANNOTATIONS.pid] ?? Number.NaN),
    host: annotations[FAULT_ANNOTATIONS.host] ?? '',
    deadline: annotations[FAULT_ANNOTATIONS.deadline] ?? '',
  }
}

/** The object's prior-state annotation for `change`, as written. */
export const readPriorState = (object: unknown, change: LedgerChange): string | undefined => annotationsOf(object)[PRIOR_STATE_ANNOTATIONS[change]]

/** `Node worker-1`, `Deployment bookinfo/ratings-v1`: how lines and messages name an object. */
export const describeTarget = (target: FaultTarget): string =>
  `${target.kind} ${target.namespace ? `${target.namespace}/` : ''}${target.name}`
