import { InvalidExperimentError, type ExperimentIssue } from '../errors.js'
import { mergeCatalogs, type ActivityCatalog } from '../experiment/activity-function.js'
import { checkExperiment } from '../experiment/check-experiment.js'
import { resolveConfiguration } from '../experiment/configuration.js'
import { mergeIssues } from '../experiment/experiment-issue.js'
import { isPlainObject } from '../experiment/plain-object.js'
import { resolveSecrets } from '../experiment/secrets.js'
import type { Activity, Experiment, JsonValue } from '../experiment/types.js'
import { builtinCatalog } from '../providers/builtin-catalog.js'
import { providerFor } from '../providers/provider-table.js'
import type { RunMode } from './run-options.js'
import { createPythonInspector } from '../providers/python/python-inspector.js'
import { pythonTargetsOf } from '../providers/python/python-targets.js'
import { controlTarget, pythonControlIssues, pythonControlsOf } from '../providers/python/validate-python-controls.js'

export interface ValidateOptions {
  /** Functions `{ type: python }` activities may call; the built-ins are always there. */
  catalog?: ActivityCatalog
  /** Environment for `{ type: env }` references and PATH lookups; default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** Maps a JSON pointer to `file:line:col` (from `loadExperiment`). */
  locate?: (pointer: string) => string | undefined
  /** `--var` / `--var-file` overrides, so keys they provide are not reported missing. */
  configurationVars?: Record<string, JsonValue>
  secretVars?: Record<string, Record<string, JsonValue>>
  /** `strict` refuses Vault secrets; `compatible` (default) accepts them, as they resolve to `{}` at run time. */
  mode?: RunMode
}

const activitiesOf = (document: Record<string, unknown>): { activity: Activity; path: string }[] => {
  const found: { activity: Activity; path: string }[] = []
  const visit = (value: unknown, path: string) => {
    if (!isPlainObject(value) || !isPlainObject(value.provider) || typeof value.provider.type !== 'string') return
    found.push({ activity: value as unknown as Activity, path })
    if (isPlainObject(value.tolerance) && value.tolerance.type === 'probe') visit(value.tolerance, `${path}/tolerance`)
  }
  const hypothesis = document['steady-state-hypothesis']
  const probes = isPlainObject(hypothesis) && Array.isArray(hypothesis.probes) ? hypothesis.probes : []
  probes.forEach((probe, index) => visit(probe, `/steady-state-hypothesis/probes/${index}`))
  for (const list of ['method', 'rollbacks']) {
    const entries = document[list]
    if (Array.isArray(entries)) entries.forEach((entry, index) => visit(entry, `/${list}/${index}`))
  }
  return found
}

const resolutionIssues = (document: Record<string, unknown>, options: ValidateOptions, env: NodeJS.ProcessEnv): ExperimentIssue[] => {
  const issues: ExperimentIssue[] = []
  const attempt = (resolve: () => unknown) => {
    try {
      resolve()
    } catch (error) {
      if (!(error instanceof InvalidExperimentError)) throw error
      issues.push(...error.issues)
    }
  }
  const declared = (key: string) => (isPlainObject(document[key]) ? document[key] : undefined)
  attempt(() => resolveConfiguration(declared('configuration'), { env, vars: options.configurationVars ?? {} }))
  attempt(() => resolveSecrets(declared('secrets'), { env, vars: options.secretVars ?? {}, ...(options.mode === 'strict' ? {} : { onVault: () => undefined }) }))
  return issues
}

const locateAll = (issues: ExperimentIssue[], locate: ValidateOptions['locate']): ExperimentIssue[] =>
  issues.map((issue) => {
    if (issue.location || !locate) return issue
    const location = locate(issue.path)
    return location ? { ...issue, location } : issue
  })

/**
 * Every problem of an experiment at once: the document's shape (Chaos Toolkit's checks), each
 * provider's checks (python functions and their arguments, process paths, http headers) and
 * configuration/secrets that cannot be resolved. Empty when the experiment can run.
 *
 * @example
 * const issues = validateExperiment(document, { catalog: driverCatalog, locate })
 */
export const validateExperiment = (document: unknown, options: ValidateOptions = {}): ExperimentIssue[] => {
  const env = options.env ?? process.env
  const checked = checkExperiment(document, options.locate ? { locate: options.locate } : {})
  if (!isPlainObject(document)) return locateAll(checked.issues, options.locate)
  const catalog = mergeCatalogs(builtinCatalog, options.catalog ?? {})
  const activities = activitiesOf(document)
  const controls = pythonControlsOf(document)
  const inspectPython = createPythonInspector([...pythonTargetsOf(activities.map(({ activity }) => activity), catalog), ...controls.map(controlTarget)], env)
  const providerIssues = activities.flatMap(({ activity, path }) =>
    providerFor(activity.provider.type)?.validate(activity, { path, catalog, env, inspectPython, ...(options.locate ? { locate: options.locate } : {}) }) ?? [])
  providerIssues.push(...pythonControlIssues(controls, inspectPython, options.locate))
  return locateAll(mergeIssues(checked.issues, providerIssues, resolutionIssues(document, options, env)), options.locate)
}

/**
 * Returns the experiment when it is valid; throws InvalidExperimentError listing every issue otherwise.
 *
 * @example
 * const experiment = ensureExperimentIsValid(document, { catalog, locate, source: 'exp.json' })
 */
export const ensureExperimentIsValid = (document: unknown, options: ValidateOptions & { source?: string } = {}): Experiment => {
  const issues = validateExperiment(document, options)
  if (issues.length > 0) throw new InvalidExperimentError(issues, options.source ? { source: options.source } : {})
  return document as Experiment
}
