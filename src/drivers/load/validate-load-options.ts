import { ChaosError } from '../../errors.js'
import type { LoadOptions } from './load-types.js'

export const DEFAULT_MAX_DURATION_MS = 5 * 60_000
export const DEFAULT_MAX_REQUESTS = 1_000_000
export const DEFAULT_TIMEOUT_MS = 10_000

/** Options with defaults filled in and every bound checked; a bad value is a `ChaosError` naming the option. */
export interface ResolvedLoadOptions extends LoadOptions {
  target: string
  connections: number
  maxDurationMs: number
  maxRequests: number
  timeoutMs: number
}

const requireAtLeast = (name: string, value: number, minimum: number, why = '') => {
  if (!Number.isFinite(value) || value < minimum) {
    throw new ChaosError(`load: ${name} must be a number of at least ${minimum}${why}, got ${String(value)}`)
  }
}

/** The URL requests go to: `url` with `path` appended (a trailing slash on `url` is dropped). */
export const loadTarget = (url: string, path?: string): string => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch (error) {
    throw new ChaosError(`load: url '${url}' is not a URL; pass e.g. http://127.0.0.1:8080`, { cause: error })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ChaosError(`load: url '${url}' must be http:// or https://`)
  if (path === undefined) return parsed.href
  return `${url.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`
}

export const resolveLoadOptions = (options: LoadOptions): ResolvedLoadOptions => {
  const resolved = {
    ...options,
    target: loadTarget(options.url, options.path),
    // every connection sends a request as it opens, so more connections than requests would overshoot maxRequests
    connections: Math.min(options.connections ?? 10, options.overallRate ?? Number.POSITIVE_INFINITY, options.maxRequests ?? Number.POSITIVE_INFINITY),
    maxDurationMs: options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS,
    maxRequests: options.maxRequests ?? DEFAULT_MAX_REQUESTS,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  }
  // the caps first: connections are lowered to them
  if (options.overallRate !== undefined) requireAtLeast('overallRate', options.overallRate, 1)
  requireAtLeast('maxRequests', resolved.maxRequests, 1)
  requireAtLeast('connections', resolved.connections, 1)
  requireAtLeast('maxDurationMs', resolved.maxDurationMs, 1)
  requireAtLeast('timeoutMs', resolved.timeoutMs, 1000, ' (autocannon times requests out in seconds, from 1 s)')
  return resolved
}
