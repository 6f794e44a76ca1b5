import { formatPythonValue } from '../experiment/python-format.js'
import type { JsonValue } from '../experiment/types.js'

type Arguments = Record<string, JsonValue> | string | undefined

/** requests' `urlencode`: lists repeat their key, `null` values are left out. */
export const encodeForm = (values: Record<string, JsonValue>): string => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null) params.append(key, formatPythonValue(item))
    }
  }
  return params.toString()
}

/** GET: arguments become the query string, appended to any query the URL already has. */
export const withQuery = (url: URL, argumentsValue: Arguments): URL => {
  if (argumentsValue === undefined) return url
  const query = typeof argumentsValue === 'string' ? argumentsValue : encodeForm(argumentsValue)
  if (query === '') return url
  const next = new URL(url)
  next.search = next.search ? `${next.search}&${query}` : `?${query}`
  return next
}

/**
 * Other methods: a JSON body only when `Content-Type` is exactly `application/json`, else a raw string
 * or a form-encoded dict (with the form Content-Type added when none was given).
 *
 * @example
 * bodyFor({ 'Content-Type': 'application/json' }, { a: 1 }) // { body: '{"a":1}', headers: {...} }
 */
export const bodyFor = (headers: Record<string, string>, argumentsValue: Arguments): { body?: string; headers: Record<string, string> } => {
  if (argumentsValue === undefined) return { headers }
  if (headers['Content-Type'] === 'application/json') return { body: JSON.stringify(argumentsValue), headers }
  if (typeof argumentsValue === 'string') return { body: argumentsValue, headers }
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')
  return { body: encodeForm(argumentsValue), headers: hasType ? headers : { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } }
}
