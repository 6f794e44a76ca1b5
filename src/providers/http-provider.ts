import { ActivityFailedError, ChaosError } from '../errors.js'
import type { Activity, HttpProvider, JsonValue } from '../experiment/types.js'
import { bodyFor, withQuery } from './http-request-body.js'
import { interruptedBy } from './interrupt.js'
import { issueAt, type Provider, type ProviderContext } from './provider.js'
import { HttpExchangeError, sendHttpRequest, type HttpResponseData } from './send-http-request.js'

/** What an http activity returns, as chaoslib's `run_http_activity`. */
export interface HttpOutput {
  status: number
  headers: Record<string, string>
  body: unknown
}

const toTimeouts = (timeout: unknown): { connectTimeoutMs?: number; readTimeoutMs?: number } => {
  if (typeof timeout === 'number') return { connectTimeoutMs: timeout * 1000, readTimeoutMs: timeout * 1000 }
  if (Array.isArray(timeout) && typeof timeout[0] === 'number' && typeof timeout[1] === 'number') {
    return { connectTimeoutMs: timeout[0] * 1000, readTimeoutMs: timeout[1] * 1000 }
  }
  return {}
}

const parseUrl = (raw: string, activity: Activity): URL => {
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url
  } catch {
    // reported below
  }
  throw new ChaosError(`invalid URL '${raw}' in activity '${activity.name}': use an absolute http:// or https:// URL`)
}

const toBody = (response: HttpResponseData, url: string): unknown => {
  const contentType = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1]
  if (contentType !== 'application/json') return response.text
  try {
    return JSON.parse(response.text) as unknown
  } catch (error) {
    throw new ActivityFailedError(`the response of ${url} says application/json but its body is not JSON: ${(error as Error).message}`, { cause: error })
  }
}

const exchange = async (activity: Activity, context: ProviderContext): Promise<HttpOutput> => {
  const provider = activity.provider as HttpProvider
  const rawUrl = context.substitute(provider.url)
  const headers = context.substitute(provider.headers ?? {})
  const argumentsValue = context.substitute<Record<string, JsonValue> | string | undefined>(provider.arguments)
  const method = (provider.method ?? 'GET').toUpperCase()
  const url = parseUrl(rawUrl, activity)
  const request = method === 'GET' ? { url: withQuery(url, argumentsValue), headers } : { url, ...bodyFor(headers, argumentsValue) }
  const spec = { ...request, method, rejectUnauthorized: provider.verify_tls !== false, signal: context.signal, ...toTimeouts(context.substitute(provider.timeout)) }
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await sendHttpRequest(spec)
      return { status: response.status, headers: response.headers, body: toBody(response, rawUrl) }
    } catch (error) {
      if (!(error instanceof HttpExchangeError)) throw error
      if (error.kind === 'aborted' || context.signal.aborted) throw interruptedBy(context.signal, `request to ${rawUrl}`)
      if (error.kind === 'timeout') throw new ActivityFailedError('activity took too long to complete', { cause: error })
      if (attempt >= (provider.max_retries ?? 0)) throw new ActivityFailedError(`failed to connect to ${rawUrl}: ${error.message}`, { cause: error })
    }
  }
}

/** `{ type: http }`: one request; 4xx and 5xx are output, only connection failures and timeouts fail. */
export const httpProvider: Provider = {
  type: 'http',
  validate(activity, context) {
    const provider = activity.provider as Partial<HttpProvider>
    const issues = []
    if (typeof provider.url !== 'string' || provider.url === '') {
      issues.push(issueAt(context, '/provider/url', 'http-url-missing', 'a HTTP activity must have a URL', 'add provider.url, e.g. "http://127.0.0.1:9080/productpage"'))
    }
    if (provider.headers !== undefined && (typeof provider.headers !== 'object' || provider.headers === null || Array.isArray(provider.headers))) {
      issues.push(issueAt(context, '/provider/headers', 'http-headers-not-mapping', 'a HTTP activities expect headers as a mapping', 'write headers as an object of name → value'))
    }
    return issues
  },
  run: exchange,
}
