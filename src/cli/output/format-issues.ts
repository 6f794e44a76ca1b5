import type { ExperimentIssue } from '../../errors.js'

/**
 * Validation issues one per line, `where  message (hint)`, where is `file:line:col` when known, else the JSON pointer.
 *
 * @example
 * formatIssues(issues) // "exp.json:12:9  hypothesis probe must have a tolerance entry (add tolerance: true)\n"
 */
export const formatIssues = (issues: readonly ExperimentIssue[]): string =>
  issues.map((issue) => `${issue.location ?? (issue.path || '/')}  ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}\n`).join('')
