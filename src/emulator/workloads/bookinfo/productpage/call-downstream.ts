import type { ProgramContext } from '../../program.js'
import type { RequestResults } from './request-results.js'

export interface DownstreamResult {
  status: number
  json: unknown
}

const TIMEOUT_MS = 3_000

export const DETAILS_UNAVAILABLE = 'Sorry, product details are currently unavailable for this book.'
export const REVIEWS_UNAVAILABLE = 'Sorry, product reviews are currently unavailable for this book.'
export const RATINGS_UNAVAILABLE = 'Sorry, product ratings are currently unavailable for this book.'

const serviceUrl = (context: ProgramContext, name: string, path: string) => {
  const upper = name.toUpperCase()
  const domain = context.env.SERVICES_DOMAIN ? `.${context.env.SERVICES_DOMAIN}` : ''
  return `http://${context.env[`${upper}_HOSTNAME`] ?? name}${domain}:${context.env[`${upper}_SERVICE_PORT`] ?? '9080'}/${path}`
}

/** `requests.get(url, timeout=3.0)`: the response, or undefined on timeout or connection error. */
const send = async (context: ProgramContext, url: string, headers: Record<string, string>) => {
  try {
    const answer = await context.call(url, { headers, timeoutMs: TIMEOUT_MS })
    return { status: answer.status, text: answer.body.toString('utf8') }
  } catch {
    return undefined
  }
}

/** Success only on exactly 200; otherwise the downstream status, or 500 when there was no response. */
const settle = (results: RequestResults, app: string, answer: { status: number; text: string } | undefined, error: string): DownstreamResult => {
  if (answer?.status === 200) {
    results.count(app, 200)
    return { status: 200, json: JSON.parse(answer.text) as unknown }
  }
  const status = answer?.status ?? 500
  results.count(app, status)
  return { status, json: { error } }
}

export const getProductDetails = async (context: ProgramContext, results: RequestResults, productId: string, headers: Record<string, string>) =>
  settle(results, 'details', await send(context, serviceUrl(context, 'details', `details/${productId}`), headers), DETAILS_UNAVAILABLE)

/** "Do not remove. Bug introduced explicitly for illustration in fault injection task": 2 tries of 3 s each. */
export const getProductReviews = async (context: ProgramContext, results: RequestResults, productId: string, headers: Record<string, string>) => {
  let answer: { status: number; text: string } | undefined
  for (let attempt = 0; attempt < 2; attempt += 1) {
    answer = await send(context, serviceUrl(context, 'reviews', `reviews/${productId}`), headers)
    if (answer?.status === 200) break
  }
  return settle(results, 'reviews', answer, REVIEWS_UNAVAILABLE)
}

export const getProductRatings = async (context: ProgramContext, results: RequestResults, productId: string, headers: Record<string, string>) =>
  settle(results, 'ratings', await send(context, serviceUrl(context, 'ratings', `ratings/${productId}`), headers), RATINGS_UNAVAILABLE)
