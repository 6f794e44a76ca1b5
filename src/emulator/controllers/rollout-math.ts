// maxSurge / maxUnavailable arithmetic of the Deployment controller.

export type IntOrPercent = number | string | undefined

/** Resolves `25%` of `total`, rounding up or down; plain numbers pass through. */
export const resolveIntOrPercent = (value: IntOrPercent, total: number, roundUp: boolean, fallback: string): number => {
  const raw = value ?? fallback
  if (typeof raw === 'number') return raw
  const match = /^(\d+)%$/.exec(raw)
  if (!match) return Number.parseInt(raw, 10) || 0
  const exact = (Number(match[1]) * total) / 100
  return roundUp ? Math.ceil(exact) : Math.floor(exact)
}

export interface RollingBudget {
  maxSurge: number
  maxUnavailable: number
}

/** Surge rounds up and unavailability down; both zero would deadlock, so unavailability becomes 1. */
export const rollingBudget = (strategy: { type?: string; rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent } } | undefined, desired: number): RollingBudget => {
  if (strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: desired }
  const maxSurge = resolveIntOrPercent(strategy?.rollingUpdate?.maxSurge, desired, true, '25%')
  const maxUnavailable = resolveIntOrPercent(strategy?.rollingUpdate?.maxUnavailable, desired, false, '25%')
  return maxSurge === 0 && maxUnavailable === 0 ? { maxSurge, maxUnavailable: 1 } : { maxSurge, maxUnavailable }
}

export interface ReplicaCounts {
  /** `spec.replicas` */
  replicas: number
  /** `status.availableReplicas` */
  available: number
}

/** How many replicas the newest ReplicaSet may have now (`NewRSNewReplicas`). */
export const newReplicaSetReplicas = (desired: number, budget: RollingBudget, current: ReplicaCounts, all: ReplicaCounts[]): number => {
  if (current.replicas >= desired) return desired
  const total = all.reduce((sum, rs) => sum + rs.replicas, 0)
  const scaleUp = Math.max(0, desired + budget.maxSurge - total)
  return Math.min(current.replicas + scaleUp, desired)
}

/**
 * New `spec.replicas` for each old ReplicaSet (oldest first): unhealthy replicas go first,
 * then available ones while at least `desired - maxUnavailable` stay available.
 */
export const scaleDownOld = (desired: number, budget: RollingBudget, next: ReplicaCounts, old: ReplicaCounts[]): number[] => {
  const result = old.map((rs) => rs.replicas)
  const minAvailable = desired - budget.maxUnavailable
  const allPods = next.replicas + result.reduce((sum, n) => sum + n, 0)
  const newUnavailable = Math.max(0, next.replicas - next.available)
  let budgetLeft = allPods - minAvailable - newUnavailable
  if (budgetLeft <= 0) return result
  old.forEach((rs, i) => {
    const unhealthy = Math.max(0, rs.replicas - rs.available)
    const cut = Math.min(unhealthy, budgetLeft)
    result[i] = rs.replicas - cut
    budgetLeft -= cut
  })
  const available = next.available + old.reduce((sum, rs, i) => sum + Math.min(rs.available, result[i] ?? 0), 0)
  let scaleDown = available - minAvailable
  old.forEach((_rs, i) => {
    if (scaleDown <= 0) return
    const cut = Math.min(result[i] ?? 0, scaleDown)
    result[i] = (result[i] ?? 0) - cut
    scaleDown -= cut
  })
  return result
}
