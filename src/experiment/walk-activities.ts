// Visits every activity of an experiment document with its JSON path, so every check uses one path scheme.
import type { PathSegments } from './experiment-issue.js'
import { isPlainObject } from './plain-object.js'

/** Where an activity sits: hypothesis probes, method entries, rollbacks, or a probe used as a tolerance. */
export type ActivityRole = 'hypothesis' | 'method' | 'rollback' | 'tolerance'

export type ActivityVisitor = (activity: unknown, path: PathSegments, role: ActivityRole) => void

const visitList = (list: unknown, path: PathSegments, role: ActivityRole, visit: ActivityVisitor): void => {
  if (!Array.isArray(list)) return
  list.forEach((activity: unknown, index) => {
    visit(activity, [...path, index], role)
    if (role === 'hypothesis' && isPlainObject(activity) && isPlainObject(activity.tolerance) && activity.tolerance.type === 'probe') {
      visit(activity.tolerance, [...path, index, 'tolerance'], 'tolerance')
    }
  })
}

/**
 * Calls `visit` for every activity in document order: hypothesis probes (and their probe tolerances),
 * method entries, then rollbacks; `{ref}` entries included. Paths look like `['method', 0]`.
 *
 * @example
 * forEachActivity(document, (activity, path) => console.log(toPointer(path)))
 */
export function forEachActivity(document: unknown, visit: ActivityVisitor): void {
  if (!isPlainObject(document)) return
  const hypothesis = document['steady-state-hypothesis']
  if (isPlainObject(hypothesis)) visitList(hypothesis.probes, ['steady-state-hypothesis', 'probes'], 'hypothesis', visit)
  visitList(document.method, ['method'], 'method', visit)
  visitList(document.rollbacks, ['rollbacks'], 'rollback', visit)
}
