/** The `TypeError('fetch failed')` Node's fetch throws, with a system error as its cause. */
export const fetchFailed = (code: 'ENOTFOUND' | 'ECONNREFUSED', detail: string): TypeError =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(`${code === 'ENOTFOUND' ? 'getaddrinfo' : 'connect'} ${code} ${detail}`), { code }) })
