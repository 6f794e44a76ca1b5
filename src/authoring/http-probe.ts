import type { HttpProvider, JsonObject, Probe, Tolerance } from '../experiment/types.js'
import { declareConfiguration } from './activity-configuration.js'
import { parseDuration, type Duration } from './duration.js'
import { checkOptions } from '../options/check-options.js'
import { httpProbeOptionsSchema } from '../options/http-probe-options-schema.js'

/** The configuration key a `path` is resolved against, read from `PRODUCT_PAGE_SERVICE_BASE_URL` as in the seed. */
export const PRODUCT_PAGE_URL_KEY = 'product_page_url'

export interface HttpProbeOptions {
  /** Path on the product page (`PRODUCT_PAGE_SERVICE_BASE_URL`), e.g. `/productpage`. */
  path?: string
  /** Full URL instead of `path`; may use `${configuration}` references. */
  url?: string
  method?: string
  headers?: Record<string, string>
  arguments?: JsonObject | string
  /** Whole request deadline; a bare number is seconds, as in Chaos Toolkit. */
  timeout?: Duration
  /** Chaos Toolkit tolerance; a number is compared with the HTTP status. Default 200. */
  tolerance?: Tolerance
}

/**
 * A probe that calls an HTTP endpoint; `path` keeps the exported experiment portable via `${product_page_url}`.
 *
 * @example
 * http.probe('product page answers in time', { path: '/productpage', timeout: '1s', tolerance: 200 })
 */
const probe = (name: string, options: HttpProbeOptions): Probe => {
  checkOptions(`http.probe('${name}')`, httpProbeOptionsSchema, options)
  if ((options.path === undefined) === (options.url === undefined)) {
    throw new TypeError(`http.probe('${name}'): give exactly one of path ('/productpage') or url ('http://…')`)
  }
  if (options.path !== undefined && !options.path.startsWith('/')) {
    throw new TypeError(`http.probe('${name}'): path '${options.path}' must start with '/'`)
  }
  const provider: HttpProvider = {
    type: 'http',
    url: options.url ?? `\${${PRODUCT_PAGE_URL_KEY}}${options.path}`,
    ...(options.method && { method: options.method }),
    ...(options.headers && { headers: options.headers }),
    ...(options.arguments !== undefined && { arguments: options.arguments }),
    ...(options.timeout !== undefined && { timeout: parseDuration(options.timeout, 's') / 1000 }),
  }
  const activity: Probe = { type: 'probe', name, tolerance: options.tolerance ?? 200, provider }
  if (options.url !== undefined) return activity
  return declareConfiguration(activity, { [PRODUCT_PAGE_URL_KEY]: { type: 'env', key: 'PRODUCT_PAGE_SERVICE_BASE_URL' } })
}

/** HTTP activities for code-first experiments. */
export const http = { probe }
