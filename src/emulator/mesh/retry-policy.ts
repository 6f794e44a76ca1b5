import type { HTTPRetry } from './istio-types.js'
import { parseDuration } from './parse-duration.js'
import type { UpstreamResponse } from './mesh-request.js'

export type AttemptOutcome =
  | { kind: 'response'; response: UpstreamResponse }
  | { kind: 'connect-failure' }
  | { kind: 'reset' }
  | { kind: 'timeout' }

export interface RetryPolicy {
  /** Retries after the first try (max requests = 1 + attempts). */
  attempts: number
  perTryTimeoutMs?: number
  retryOn: ReadonlySet<string>
  statusCodes: ReadonlySet<number>
  backoffMs: number
}

const DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes'
const BACKOFF_BASE_MS = 25

const parseRetryOn = (text: string) => {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean)
  const statusCodes = new Set(items.filter((item) => /^\d+$/.test(item)).map(Number))
  const retryOn = new Set(items.filter((item) => !/^\d+$/.test(item)))
  if (statusCodes.size) retryOn.add('retriable-status-codes')
  return { retryOn, statusCodes }
}

/** Istio's sidecar default for a route without `retries`: 2 retries on connect failures, on another host. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 2, ...parseRetryOn(DEFAULT_RETRY_ON), backoffMs: BACKOFF_BASE_MS }

/** A route's `retries` block as Istio translates it; `attempts: 0` (or none given) disables retries. */
export const retryPolicyOf = (retries: HTTPRetry | undefined): RetryPolicy => {
  if (!retries) return DEFAULT_RETRY_POLICY
  return {
    attempts: Math.max(0, retries.attempts ?? 0),
    perTryTimeoutMs: parseDuration(retries.perTryTimeout),
    ...parseRetryOn(retries.retryOn ?? DEFAULT_RETRY_ON),
    backoffMs: BACKOFF_BASE_MS,
  }
}

const policiesFor = (outcome: AttemptOutcome): string[] => {
  switch (outcome.kind) {
    case 'connect-failure':
      return ['connect-failure', 'reset', '5xx', 'gateway-error']
    case 'reset':
    case 'timeout':
      return ['reset', '5xx', 'gateway-error']
    case 'response': {
      const status = outcome.response.status
      return [...(status >= 500 ? ['5xx'] : []), ...([502, 503, 504].includes(status) ? ['gateway-error'] : []), ...(status === 409 ? ['retriable-4xx'] : [])]
    }
  }
}

/** Status codes match only real upstream answers; a reset matches `reset`, never `503`. */
export const isRetriable = (policy: RetryPolicy, outcome: AttemptOutcome): boolean =>
  policiesFor(outcome).some((name) => policy.retryOn.has(name)) ||
  (outcome.kind === 'response' && policy.retryOn.has('retriable-status-codes') && policy.statusCodes.has(outcome.response.status))

/** Exponential back-off with full jitter, capped at 10× the base, as Envoy does. */
export const backoffMs = (policy: RetryPolicy, retry: number, random: () => number): number =>
  random() * Math.min(policy.backoffMs * 2 ** Math.max(0, retry - 1), policy.backoffMs * 10)
