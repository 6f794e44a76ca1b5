import { describe, expect, it } from 'vitest'
import { backoffMs, DEFAULT_RETRY_POLICY, isRetriable, retryPolicyOf, type AttemptOutcome } from './retry-policy.js'

const response = (status: number): AttemptOutcome => ({ kind: 'response', response: { status, headers: {}, body: Buffer.alloc(0) } })

describe('retry policy', () => {
  it('defaults to 2 retries on connect failure only, as the Istio sidecar does', () => {
    expect(DEFAULT_RETRY_POLICY.attempts).toBe(2)
    expect(isRetriable(DEFAULT_RETRY_POLICY, { kind: 'connect-failure' })).toBe(true)
    expect(isRetriable(DEFAULT_RETRY_POLICY, { kind: 'reset' })).toBe(false)
    expect(isRetriable(DEFAULT_RETRY_POLICY, { kind: 'timeout' })).toBe(false)
    expect(isRetriable(DEFAULT_RETRY_POLICY, response(503))).toBe(false)
  })

  it('turns bare status codes in retryOn into retriable status codes', () => {
    const policy = retryPolicyOf({ attempts: 3, retryOn: '503,reset', perTryTimeout: '2s' })
    expect(policy).toMatchObject({ attempts: 3, perTryTimeoutMs: 2000 })
    expect(isRetriable(policy, response(503))).toBe(true)
    expect(isRetriable(policy, response(500))).toBe(false)
    expect(isRetriable(policy, { kind: 'reset' })).toBe(true)
    expect(isRetriable(policy, { kind: 'connect-failure' })).toBe(true)
  })

  it('classifies 5xx, gateway-error and retriable-4xx', () => {
    expect(isRetriable(retryPolicyOf({ attempts: 1, retryOn: '5xx' }), response(500))).toBe(true)
    expect(isRetriable(retryPolicyOf({ attempts: 1, retryOn: '5xx' }), { kind: 'timeout' })).toBe(true)
    expect(isRetriable(retryPolicyOf({ attempts: 1, retryOn: 'gateway-error' }), response(500))).toBe(false)
    expect(isRetriable(retryPolicyOf({ attempts: 1, retryOn: 'gateway-error' }), response(504))).toBe(true)
    expect(isRetriable(retryPolicyOf({ attempts: 1, retryOn: 'retriable-4xx' }), response(409))).toBe(true)
  })

  it('disables retries with attempts 0 and backs off within 10× the 25 ms base', () => {
    expect(retryPolicyOf({ attempts: 0 }).attempts).toBe(0)
    expect(backoffMs(DEFAULT_RETRY_POLICY, 1, () => 0.999)).toBeLessThan(25)
    expect(backoffMs(DEFAULT_RETRY_POLICY, 2, () => 0.999)).toBeGreaterThan(25)
    expect(backoffMs(DEFAULT_RETRY_POLICY, 10, () => 0.999)).toBeLessThan(250)
  })
})
