// Matching of `metav1.LabelSelector` objects (matchLabels + matchExpressions) against labels.

export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values?: string[]
}

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

const meets = (labels: Record<string, string>, { key, operator, values = [] }: LabelSelectorRequirement): boolean => {
  const has = Object.hasOwn(labels, key)
  if (operator === 'Exists') return has
  if (operator === 'DoesNotExist') return !has
  if (operator === 'In') return has && values.includes(labels[key] ?? '')
  return !has || !values.includes(labels[key] ?? '')
}

/** An empty selector `{}` matches everything; a missing one (`undefined`) matches nothing. */
export const selectorMatches = (selector: LabelSelector | undefined, labels: Record<string, string> = {}): boolean => {
  if (!selector) return false
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value)
  return byLabel && (selector.matchExpressions ?? []).every((requirement) => meets(labels, requirement))
}

/** A Service's plain `selector` map; an empty or missing map selects nothing, as for Endpoints. */
export const mapSelectorMatches = (selector: Record<string, string> | undefined, labels: Record<string, string> = {}): boolean =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value)
