// Scheduler filters: cordon, taints and tolerations, nodeSelector and required node affinity.
import type { Node, NodeSelectorRequirement, Pod, Taint, Toleration } from './kube-types.js'

const tolerates = (toleration: Toleration, taint: Taint): boolean => {
  if (toleration.effect && toleration.effect !== taint.effect) return false
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '')
}

/** The first `NoSchedule`/`NoExecute` taint none of the tolerations accept. */
export const untoleratedTaint = (node: Node, tolerations: Toleration[] = []): Taint | undefined =>
  (node.spec?.taints ?? []).find((taint) => taint.effect !== 'PreferNoSchedule' && !tolerations.some((toleration) => tolerates(toleration, taint)))

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }

const requirementMet = (value: string | undefined, { operator, values = [] }: NodeSelectorRequirement): boolean => {
  if (operator === 'In') return value !== undefined && values.includes(value)
  if (operator === 'NotIn') return value === undefined || !values.includes(value)
  if (operator === 'Exists') return value !== undefined
  if (operator === 'DoesNotExist') return value === undefined
  const number = Number(value)
  if (operator === 'Gt') return Number.isFinite(number) && number > Number(values[0])
  if (operator === 'Lt') return Number.isFinite(number) && number < Number(values[0])
  return false
}

const matchesAffinity = (pod: Pod, node: Node): boolean => {
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (!terms?.length) return true
  const labels = node.metadata.labels ?? {}
  return terms.some(
    (term) =>
      (term.matchExpressions ?? []).every((requirement) => requirementMet(labels[requirement.key], requirement)) &&
      (term.matchFields ?? []).every((requirement) => requirementMet(requirement.key === 'metadata.name' ? node.metadata.name : undefined, requirement)),
  )
}

export type UnfitReason =
  | { kind: 'unschedulable' }
  | { kind: 'taint'; taint: Taint }
  | { kind: 'affinity' }

/** Why the pod cannot go to this node, or undefined when it fits. */
export const whyUnfit = (pod: Pod, node: Node): UnfitReason | undefined => {
  const labels = node.metadata.labels ?? {}
  const selector = pod.spec.nodeSelector ?? {}
  if (!Object.entries(selector).every(([key, value]) => labels[key] === value) || !matchesAffinity(pod, node)) return { kind: 'affinity' }
  if (node.spec?.unschedulable && !(pod.spec.tolerations ?? []).some((toleration) => tolerates(toleration, UNSCHEDULABLE_TAINT))) return { kind: 'unschedulable' }
  const taint = untoleratedTaint(node, pod.spec.tolerations)
  return taint ? { kind: 'taint', taint } : undefined
}

/** The scheduler's FitError text: `0/4 nodes are available: 1 node(s) had untolerated taint {…}, 3 node(s) were unschedulable. preemption: …`. */
export const unschedulableMessage = (total: number, reasons: UnfitReason[]): string => {
  const counts = new Map<string, number>()
  for (const reason of reasons) {
    const text =
      reason.kind === 'unschedulable'
        ? 'node(s) were unschedulable'
        : reason.kind === 'affinity'
          ? "node(s) didn't match Pod's node affinity/selector"
          : `node(s) had untolerated taint {${reason.taint.key}: ${reason.taint.value ?? ''}}`
    counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  const parts = [...counts].map(([text, n]) => `${n} ${text}`).sort()
  const head = `0/${total} nodes are available`
  const details = parts.length ? `: ${parts.join(', ')}.` : '.'
  return `${head}${details} preemption: ${head}: ${total} Preemption is not helpful for scheduling.`
}
