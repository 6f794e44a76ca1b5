// zod issues → experiment issues that name the field, the expected type and what was found.
import type { z } from 'zod'
import { issueAt, type ExperimentIssue, type PathSegments } from './experiment-issue.js'

const describeValue = (value: unknown): string => {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${JSON.stringify(value)}`
}

const valueAt = (document: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), document)

const describeIssue = (issue: z.core.$ZodIssue, document: unknown): { message: string; hint: string } => {
  const field = String(issue.path.at(-1) ?? 'the experiment')
  const found = valueAt(document, issue.path)
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined
        ? { message: `'${field}' is required`, hint: `add "${field}" (${issue.expected})` }
        : { message: `'${field}' must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${describeValue(found)}`, hint: `write "${field}" as ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}` }
    case 'invalid_value':
      return { message: `'${field}' must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(found)}`, hint: 'pick one of the listed values' }
    case 'too_small':
      return { message: `'${field}' ${issue.origin === 'string' ? 'cannot be empty' : `must be at least ${String(issue.minimum)}`}`, hint: `give "${field}" a value` }
    case 'invalid_union': {
      const expected = issue.errors.flatMap((branch) => branch.filter((inner) => inner.code === 'invalid_type' && inner.path.length === 0).map((inner) => (inner as { expected: string }).expected))
      const names = [...new Set(expected.map((type) => (type === 'array' || type === 'tuple' ? 'a list' : `a ${type}`)))]
      const forms = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? 'one of the accepted forms')
      return { message: `'${field}' must be ${forms}, not ${describeValue(found)}`, hint: 'see docs/experiment-model.md for the accepted forms' }
    }
    default:
      return { message: `'${field}': ${issue.message}`, hint: 'see docs/experiment-model.md' }
  }
}

// a union whose only near-miss branch failed deeper (e.g. a regex tolerance with a bad target) reports that branch
const flattenUnions = (issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] =>
  issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue]
    const nearMiss = issue.errors.filter((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0))
    if (nearMiss.length !== 1) return [issue]
    return flattenUnions(nearMiss[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })))
  })

/**
 * Runs a zod schema on a part of the document and returns its problems as experiment issues under `path`.
 *
 * @example
 * schemaIssues(activitySchema, activity, ['method', 0])
 */
export function schemaIssues(schema: z.ZodType, value: unknown, path: PathSegments): ExperimentIssue[] {
  const result = schema.safeParse(value)
  if (result.success) return []
  return flattenUnions(result.error.issues).map((issue) => {
    const { message, hint } = describeIssue(issue, value)
    return issueAt([...path, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))], `schema-${issue.code.replaceAll('_', '-')}`, message, hint)
  })
}
