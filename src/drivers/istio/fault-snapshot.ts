import { PRIOR_STATE_ANNOTATIONS } from '../ledger/fault-record.js'
import type { HttpRoute } from './http-routes.js'

/** Annotation holding `spec.http` as it was before the first fault, so removal and recovery restore it exactly. */
export const SNAPSHOT_ANNOTATION = PRIOR_STATE_ANNOTATIONS['http-fault']

/** The snapshot stored on the VirtualService, or undefined when there is none (or it is unreadable). */
export const readSnapshot = (virtualService: unknown): HttpRoute[] | undefined => {
  const annotations = (virtualService as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations
  const text = annotations?.[SNAPSHOT_ANNOTATION]
  if (!text) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? (parsed as HttpRoute[]) : undefined
  } catch {
    return undefined
  }
}

/**
 * A copy of `http` whose entries at `indexes` get back the `fault` they had in the snapshot (or lose it
 * when they had none). Undefined when the routes changed shape since the snapshot.
 *
 * @example
 * restoreFaults(current, snapshot, [1]) // entry 1's fault as it was before the experiment
 */
export const restoreFaults = (http: readonly HttpRoute[], snapshot: readonly HttpRoute[], indexes: readonly number[]): HttpRoute[] | undefined => {
  if (snapshot.length !== http.length) return undefined
  return http.map((entry, index) => {
    const copy = structuredClone(entry)
    if (!indexes.includes(index)) return copy
    const original = snapshot[index]!
    if ('fault' in original) copy.fault = structuredClone(original.fault)
    else delete copy.fault
    return copy
  })
}
