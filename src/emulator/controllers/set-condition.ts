// Condition lists that keep transition times stable, so a no-op reconcile writes nothing.
import { kubeNow } from '../store/kube-time.js'
import type { Condition } from './kube-types.js'

export interface ConditionUpdate {
  type: string
  status: Condition['status']
  reason?: string
  message?: string
}

export type ConditionStyle = 'pod' | 'deployment' | 'node' | 'meta'

/**
 * Returns `conditions` with `update` applied: unchanged when status, reason and message are the same;
 * `lastTransitionTime` moves only when the status flips.
 */
export const setCondition = (conditions: Condition[] | undefined, update: ConditionUpdate, style: ConditionStyle, extra: Partial<Condition> = {}): Condition[] => {
  const list = [...(conditions ?? [])]
  const index = list.findIndex((condition) => condition.type === update.type)
  const current = index >= 0 ? list[index] : undefined
  if (current && current.status === update.status && current.reason === update.reason && current.message === update.message) return list
  const now = kubeNow()
  const transition = current && current.status === update.status ? current.lastTransitionTime : now
  const next: Condition =
    style === 'pod'
      ? { type: update.type, status: update.status, lastProbeTime: null, lastTransitionTime: transition, ...withText(update) }
      : style === 'deployment'
        ? { type: update.type, status: update.status, lastUpdateTime: now, lastTransitionTime: transition, ...withText(update) }
        : style === 'meta'
          ? { type: update.type, status: update.status, ...extra, lastTransitionTime: transition, reason: update.reason ?? '', message: update.message ?? '' }
          : { type: update.type, status: update.status, lastHeartbeatTime: now, lastTransitionTime: transition, ...withText(update) }
  if (index >= 0) list[index] = next
  else list.push(next)
  return list
}

const withText = ({ reason, message }: ConditionUpdate) => ({ ...(reason !== undefined ? { reason } : {}), ...(message !== undefined ? { message } : {}) })
