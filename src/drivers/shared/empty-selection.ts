import { ActivityFailedError } from '../../errors.js'

/** What a strict-mode action selected nothing with, and what exists instead. */
export interface EmptySelection {
  /** The Chaos Toolkit function, e.g. `terminate_pods`. */
  func: string
  /** `pod`, `deployment`, … */
  noun: string
  namespace: string
  /** The selecting arguments as given, e.g. `{ label_selector: 'app=ratingz' }`. */
  selector: Record<string, unknown>
  /** What exists there instead, e.g. the labels the pods carry. */
  present: string
}

const MAX_SHOWN = 20

/**
 * The distinct `key=value` labels of `objects` (without `pod-template-hash`), the selector's own keys first,
 * as a short list for an error message.
 *
 * @example
 * describeLabels(pods, 'app=ratingz') // 'app=details, app=productpage, app=ratings, app=reviews'
 */
export const describeLabels = (objects: ReadonlyArray<{ metadata?: { labels?: Record<string, string> } }>, labelSelector: string | undefined): string => {
  const pairs = [...new Set(objects.flatMap((object) => Object.entries(object.metadata?.labels ?? {}).filter(([key]) => key !== 'pod-template-hash').map(([key, value]) => `${key}=${value}`)))].sort()
  const keys = new Set((labelSelector ?? '').match(/[A-Za-z0-9./_-]+(?=\s*(?:!=|==|=|\s+in\s|\s+notin\s|,|$))/g) ?? [])
  const own = pairs.filter((pair) => keys.has(pair.slice(0, pair.indexOf('='))))
  const shown = own.length > 0 ? own : pairs
  if (shown.length === 0) return 'no labels'
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN).join(', ')} and ${shown.length - MAX_SHOWN} more` : shown.join(', ')
}

/**
 * Strict mode's answer to a fault that selects nothing (Chaos Toolkit does nothing and succeeds): an error
 * naming the function, the namespace, the selector and what exists instead.
 *
 * @example
 * throw emptySelectionError({ func: 'terminate_pods', noun: 'pod', namespace: 'bookinfo', selector: { label_selector: 'app=ratingz' }, present: 'the pods there carry app=ratings' })
 */
export const emptySelectionError = ({ func, noun, namespace, selector, present }: EmptySelection): ActivityFailedError => {
  const given = Object.entries(selector).filter(([, value]) => value !== undefined && value !== null)
  const how = given.length > 0 ? `matches ${given.map(([key, value]) => `${key} '${String(value)}'`).join(' and ')}` : 'exists'
  return new ActivityFailedError(
    `${func}: no ${noun} in namespace '${namespace}' ${how}, so the fault would do nothing; ${present}. ` +
      'Fix the selector (strict mode fails a fault that selects nothing; compatible mode would succeed without doing anything)',
  )
}
