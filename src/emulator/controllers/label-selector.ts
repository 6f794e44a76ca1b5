// Matching of `metav1.LabelSelector` objects (matchLabels + matchExpressions) and Service selector maps against labels.
import { matchesSelectorObject, type LabelSelectorObject } from '../registry/label-selector.js'

export type LabelSelector = LabelSelectorObject

/** An empty selector `{}` matches everything; a missing one (`undefined`) matches nothing. */
export const selectorMatches = (selector: LabelSelector | undefined, labels: Record<string, string> = {}): boolean =>
  !!selector && matchesSelectorObject(selector, labels)

/** A Service's plain `selector` map; an empty or missing map selects nothing, as for Endpoints. */
export const mapSelectorMatches = (selector: Record<string, string> | undefined, labels: Record<string, string> = {}): boolean =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value)
