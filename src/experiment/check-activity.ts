// Chaos Toolkit's `ensure_activity_is_valid`, reporting every problem of one activity instead of the first.
import { issueAt, type ExperimentIssue, type PathSegments } from './experiment-issue.js'
import { isPlainObject } from './plain-object.js'
import { formatPythonValue } from './python-format.js'

const PROVIDER_TYPES = ['python', 'process', 'http']
// python falsiness: what `not activity.get(key)` rejects
const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || value === false || value === 0 ||
  (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0)

const checkPauses = (pauses: unknown, path: PathSegments): ExperimentIssue[] => {
  if (!isPlainObject(pauses)) return []
  return (['before', 'after'] as const).flatMap((when) => {
    const pause = pauses[when]
    const ok = pause === undefined || pause === null || typeof pause === 'number' || (typeof pause === 'string' && pause.startsWith('${') && pause.endsWith('}'))
    if (ok) return []
    const message = `activity ${when} pause must be a number or a pattern to a variable from the configuration or secrets`
    return [issueAt([...path, 'pauses', when], 'bad-pause', message, `write seconds, e.g. ${when === 'after' ? 20 : 5}, or "\${name}" of a configuration key`)]
  })
}

const checkProviderFields = (provider: Record<string, unknown>, path: PathSegments): ExperimentIssue[] => {
  const at = (key: string, code: string, message: string, hint: string) => issueAt([...path, 'provider', key], code, message, hint)
  switch (provider.type) {
    case 'python':
      return [
        ...(isEmpty(provider.module) ? [at('module', 'python-module-missing', 'a Python activity must have a module path', 'add provider.module, e.g. "chaosk8s.pod.probes"')] : []),
        ...(isEmpty(provider.func) ? [at('func', 'python-func-missing', 'a Python activity must have a function name', 'add provider.func, e.g. "pods_in_phase"')] : []),
      ]
    case 'process':
      return isEmpty(provider.path) ? [at('path', 'process-path-missing', 'a process activity must have a path', 'add provider.path: the executable to run')] : []
    case 'http':
      return isEmpty(provider.url) ? [at('url', 'http-url-missing', 'a HTTP activity must have a URL', 'add provider.url, e.g. "http://127.0.0.1:9080/productpage"')] : []
    default:
      return []
  }
}

const checkProvider = (provider: unknown, path: PathSegments): ExperimentIssue[] => {
  if (isEmpty(provider)) {
    return [issueAt([...path, 'provider'], 'missing-provider', 'an activity requires a provider', 'add "provider": {"type": "python" | "process" | "http", ...}')]
  }
  if (!isPlainObject(provider)) return [issueAt([...path, 'provider'], 'bad-provider', 'an activity requires a provider', 'write the provider as an object with a "type"')]
  if (isEmpty(provider.type)) return [issueAt([...path, 'provider', 'type'], 'missing-provider-type', 'a provider must have a type', 'add "type": "python", "process" or "http"')]
  if (typeof provider.type !== 'string' || !PROVIDER_TYPES.includes(provider.type)) {
    return [issueAt([...path, 'provider', 'type'], 'unknown-provider-type', `unknown provider type '${formatPythonValue(provider.type)}'`, 'use "python", "process" or "http"')]
  }
  return checkProviderFields(provider, path)
}

const checkType = (type: unknown, path: PathSegments): ExperimentIssue[] => {
  if (isEmpty(type)) return [issueAt([...path, 'type'], 'missing-activity-type', 'an activity must have a type', 'add "type": "probe" or "type": "action"')]
  if (type !== 'probe' && type !== 'action') {
    return [issueAt([...path, 'type'], 'unknown-activity-type', `'${formatPythonValue(type)}' is not a supported activity type`, 'use "probe" or "action"')]
  }
  return []
}

/**
 * Checks one activity (or `{ref}` entry) the way Chaos Toolkit does, but returns every problem found.
 * Paths are JSON pointers under `path`, e.g. `/method/0/provider/type`.
 *
 * @example
 * checkActivity({ type: 'action', provider: { type: 'python' } }, ['method', 0]) // name, module and func issues
 */
export function checkActivity(activity: unknown, path: PathSegments): ExperimentIssue[] {
  if (!isPlainObject(activity) || Object.keys(activity).length === 0) {
    return [issueAt(path, 'empty-activity', 'empty activity is no activity', 'describe a probe or an action, or remove the entry')]
  }
  if (activity.ref !== undefined && activity.ref !== null) {
    return typeof activity.ref === 'string' && activity.ref !== ''
      ? []
      : [issueAt([...path, 'ref'], 'bad-ref', 'reference to activity must be non-empty strings', 'give the name of a method activity or hypothesis probe')]
  }
  const issues = [...checkType(activity.type, path)]
  if (isEmpty(activity.name)) issues.push(issueAt([...path, 'name'], 'missing-activity-name', 'an activity must have a name', 'add "name": "<what it does>"'))
  issues.push(...checkProvider(activity.provider, path))
  if (activity.timeout !== undefined && activity.timeout !== null && typeof activity.timeout !== 'number') {
    issues.push(issueAt([...path, 'timeout'], 'bad-activity-timeout', 'activity timeout must be a number', 'give seconds as a number; it is not enforced, provider timeouts are'))
  }
  issues.push(...checkPauses(activity.pauses, path))
  if ('background' in activity && typeof activity.background !== 'boolean') {
    issues.push(issueAt([...path, 'background'], 'bad-background', 'activity background must be a boolean', 'write true or false'))
  }
  return issues
}
