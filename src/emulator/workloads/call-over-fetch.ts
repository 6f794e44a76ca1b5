import type { OutboundCall } from './program.js'

/**
 * A pod's `call` straight through the global `fetch`, for a kubelet that runs without a mesh.
 *
 * @example
 * const call = callOverFetch(fetch)
 * const answer = await call('http://127.0.0.1:8080/health', { timeoutMs: 1_000 })
 */
export const callOverFetch =
  (fetchFrom: typeof fetch): OutboundCall =>
  async (url, init = {}) => {
    const signals = [init.signal, init.timeoutMs === undefined ? undefined : AbortSignal.timeout(init.timeoutMs)].filter((signal) => signal !== undefined)
    const response = await fetchFrom(url, {
      method: init.method ?? 'GET',
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.body ? { body: init.body } : {}),
      ...(signals.length ? { signal: AbortSignal.any(signals) } : {}),
    })
    const headers: Record<string, string | string[]> = {}
    response.headers.forEach((value, name) => (headers[name] = value))
    const setCookie = response.headers.getSetCookie()
    if (setCookie.length) headers['set-cookie'] = setCookie
    return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) }
  }
