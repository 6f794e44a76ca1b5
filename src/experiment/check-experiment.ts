// Validation of a whole experiment document: Chaos Toolkit's checks in its order, plus the zod schema, every problem at once.
import { checkActivity } from './check-activity.js'
import { checkControls } from './check-controls.js'
import { checkTolerance } from './check-tolerance.js'
import { issueAt, mergeIssues, type ExperimentIssue } from './experiment-issue.js'
import { isPlainObject } from './plain-object.js'
import { activityRefSchema, activitySchema, envReferenceSchema, experimentSchema } from './schema.js'
import type { Experiment } from './types.js'
import { forEachActivity } from './walk-activities.js'
import { schemaIssues } from './zod-issues.js'

export interface CheckOptions {
  /** Maps a JSON pointer to `file:line:col` (from `loadExperiment`). */
  locate?: (pointer: string) => string | undefined
}

export interface CheckResult {
  /** The document as a typed experiment, only when there is no issue. */
  experiment?: Experiment
  issues: ExperimentIssue[]
}

const METHOD_REQUIRED = 'an experiment requires a method, which can be empty for only checking steady state hypothesis'
const falsy = (value: unknown): boolean => value === undefined || value === null || value === '' || value === false || value === 0

const checkHeader = (document: Record<string, unknown>): ExperimentIssue[] => {
  const issues: ExperimentIssue[] = []
  if (falsy(document.title)) issues.push(issueAt(['title'], 'missing-title', 'experiment requires a title', 'add "title": "<what the experiment shows>"'))
  if (falsy(document.description)) issues.push(issueAt(['description'], 'missing-description', 'experiment requires a description', 'add "description": "<why it matters>"'))
  if (Array.isArray(document.tags)) {
    document.tags.forEach((tag: unknown, index) => {
      if (typeof tag !== 'string' || tag === '') issues.push(issueAt(['tags', index], 'bad-tag', 'experiment tags must be a non-empty string', 'write each tag as a non-empty string'))
    })
  }
  if (Array.isArray(document.extensions)) {
    document.extensions.forEach((extension: unknown, index) => {
      const name = isPlainObject(extension) ? extension.name : undefined
      if (typeof name !== 'string' || name.trim() === '') issues.push(issueAt(['extensions', index, 'name'], 'missing-extension-name', 'All extensions require a non-empty name', 'add "name": "<extension name>"'))
    })
  }
  return issues
}

const checkHypothesis = (document: Record<string, unknown>): ExperimentIssue[] => {
  const hypothesis = document['steady-state-hypothesis']
  if (hypothesis === undefined || hypothesis === null) return []
  const path = ['steady-state-hypothesis']
  if (!isPlainObject(hypothesis)) return [issueAt(path, 'bad-hypothesis', 'hypothesis requires a title', 'write the steady-state hypothesis as an object with a title and probes')]
  const issues = falsy(hypothesis.title) ? [issueAt([...path, 'title'], 'missing-hypothesis-title', 'hypothesis requires a title', 'add "title": "<what normal looks like>"')] : []
  if (!Array.isArray(hypothesis.probes)) return issues
  hypothesis.probes.forEach((probe: unknown, index) => {
    const probePath = [...path, 'probes', index]
    issues.push(...checkActivity(probe, probePath))
    if (!isPlainObject(probe) || Object.keys(probe).length === 0) return
    if (!('tolerance' in probe)) issues.push(issueAt([...probePath, 'tolerance'], 'missing-tolerance', 'hypothesis probe must have a tolerance entry', 'add "tolerance": true, 200, [0, 1], "text" or a regex/jsonpath/range/probe object'))
    else issues.push(...checkTolerance(probe.tolerance, [...probePath, 'tolerance']))
  })
  return issues
}

const namesOf = (list: unknown): unknown[] => (Array.isArray(list) ? list.filter(isPlainObject).map((activity) => activity.name) : [])

const checkMethod = (document: Record<string, unknown>): ExperimentIssue[] => {
  if (document.method === undefined || document.method === null) return [issueAt(['method'], 'missing-method', METHOD_REQUIRED, 'add "method": [], empty is fine to only check the steady-state hypothesis')]
  if (!Array.isArray(document.method)) return []
  const hypothesis = document['steady-state-hypothesis']
  const known = [...namesOf(document.method), ...(isPlainObject(hypothesis) ? namesOf(hypothesis.probes) : [])]
  return document.method.flatMap((activity: unknown, index) => {
    const issues = checkActivity(activity, ['method', index])
    const ref = isPlainObject(activity) ? activity.ref : undefined
    if (typeof ref === 'string' && ref !== '' && !known.includes(ref)) {
      issues.push(issueAt(['method', index, 'ref'], 'unknown-ref', `referenced activity '${ref}' could not be found in the experiment`, 'refer to the name of a method activity or hypothesis probe'))
    }
    return issues
  })
}

const checkRollbacks = (document: Record<string, unknown>): ExperimentIssue[] =>
  Array.isArray(document.rollbacks) ? document.rollbacks.flatMap((activity: unknown, index) => checkActivity(activity, ['rollbacks', index])) : []

const envReferenceIssues = (document: Record<string, unknown>): ExperimentIssue[] => {
  const configuration = isPlainObject(document.configuration) ? document.configuration : {}
  return Object.entries(configuration).flatMap(([key, value]) =>
    isPlainObject(value) && value.type === 'env' ? schemaIssues(envReferenceSchema, value, ['configuration', key]) : [])
}

const checkStructure = (document: Record<string, unknown>): ExperimentIssue[] => {
  const issues = [...schemaIssues(experimentSchema, document, []), ...envReferenceIssues(document)]
  forEachActivity(document, (activity, path, role) => {
    if (role === 'tolerance' || !isPlainObject(activity)) return
    if ('ref' in activity) return void issues.push(...schemaIssues(activityRefSchema, activity, path))
    const checked = role === 'hypothesis' ? activity : { ...activity, tolerance: undefined }
    issues.push(...schemaIssues(activitySchema, checked, path))
  })
  return issues
}

/**
 * Validates an experiment document and returns every problem at once, each with its JSON pointer, Chaos Toolkit's
 * message where it has one, a hint and (with `locate`) its `file:line:col`. Provider-specific checks (python
 * function binding, process paths on disk) are the providers' and are merged in by the caller with `mergeIssues`.
 *
 * @example
 * const loaded = await loadExperiment('exp.yaml')
 * const { experiment, issues } = checkExperiment(loaded.document, { locate: loaded.locate })
 */
export function checkExperiment(document: unknown, options: CheckOptions = {}): CheckResult {
  let issues: ExperimentIssue[]
  if (!isPlainObject(document) || Object.keys(document).length === 0) {
    const hint = isPlainObject(document) || document === null || document === undefined ? 'write at least a title, a description and a method' : 'the document must be an object with title, description and method'
    issues = [issueAt([], 'empty-experiment', 'an empty experiment is not an experiment', hint)]
  } else {
    const semantic = [...checkHeader(document), ...checkHypothesis(document), ...checkMethod(document), ...checkRollbacks(document), ...checkControls(document)]
    issues = mergeIssues(semantic, checkStructure(document))
  }
  const located = issues.map((issue) => {
    const location = options.locate?.(issue.path)
    return location ? { ...issue, location } : issue
  })
  return located.length === 0 ? { experiment: document as Experiment, issues: [] } : { issues: located }
}
