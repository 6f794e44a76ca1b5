import type { ExperimentIssue } from '../errors.js'
import { toPointer } from './json-pointer.js'

export type { ExperimentIssue }
export type PathSegments = readonly (string | number)[]

/**
 * Builds one issue at a JSON path given as segments.
 *
 * @example
 * issueAt(['method', 0, 'name'], 'missing-activity-name', 'an activity must have a name', 'add "name": "..."')
 */
export const issueAt = (path: PathSegments, code: string, message: string, hint?: string): ExperimentIssue => ({
  path: toPointer(path),
  message,
  ...(hint ? { hint } : {}),
  code,
})

const overlaps = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`) || a === '' || b === ''

/**
 * Merges issue lists: a later issue is dropped when an earlier one is at the same path, or at a parent or child
 * path of it (one problem, one message). Use it to add provider checks to `checkExperiment`'s issues.
 *
 * @example
 * mergeIssues(checkExperiment(document).issues, providerIssues)
 */
export const mergeIssues = (...lists: readonly (readonly ExperimentIssue[])[]): ExperimentIssue[] => {
  const merged: ExperimentIssue[] = []
  for (const list of lists) {
    const earlier = [...merged]
    for (const issue of list) if (!earlier.some((kept) => overlaps(kept.path, issue.path))) merged.push(issue)
  }
  return merged
}
