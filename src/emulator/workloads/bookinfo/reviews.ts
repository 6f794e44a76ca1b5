import { imageName, type Program, type ProgramContext } from '../program.js'
import { forwardHeaders } from './forward-headers.js'
import { sendJson, serveHttp } from './serve-http.js'

const REVIEWS = [
  { reviewer: 'Reviewer1', text: 'An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!' },
  { reviewer: 'Reviewer2', text: 'Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare.' },
]

const RATINGS_UNAVAILABLE = 'Ratings service is currently unavailable'

export interface ReviewsFlavour {
  ratingsEnabled: boolean
  starColor: string
  /** reviews v2 (black) waits 10 s for ratings, v3 (red) 2.5 s: the numbers behind Istio's fault-injection lesson. */
  ratingsTimeoutMs: number
}

/** `examples-bookinfo-reviews-v1|v2|v3`: what upstream bakes into each image at build time. */
export const reviewsFlavour = (image: string): ReviewsFlavour => {
  const version = /-(v\d+)$/.exec(imageName(image))?.[1] ?? 'v1'
  if (version === 'v1') return { ratingsEnabled: false, starColor: 'black', ratingsTimeoutMs: 10_000 }
  const starColor = version === 'v2' ? 'black' : 'red'
  return { ratingsEnabled: true, starColor, ratingsTimeoutMs: starColor === 'black' ? 10_000 : 2_500 }
}

const fetchRatings = async (context: ProgramContext, productId: number, headers: Record<string, string>, timeoutMs: number) => {
  const host = `${context.env.RATINGS_HOSTNAME ?? 'ratings'}${context.env.SERVICES_DOMAIN ? `.${context.env.SERVICES_DOMAIN}` : ''}`
  const port = context.env.RATINGS_SERVICE_PORT ?? '9080'
  try {
    const answer = await context.call(`http://${host}:${port}/ratings/${productId}`, { headers, timeoutMs })
    if (answer.status !== 200) return undefined
    return (JSON.parse(answer.body.toString('utf8')) as { ratings?: Record<string, number> }).ratings
  } catch {
    return undefined
  }
}

/** reviews (Java/Liberty upstream): `/health` and `/reviews/<int>`, always 200, with per-review rating errors when ratings fails. */
export const reviews: Program = (context) => {
  const flavour = reviewsFlavour(context.image)
  return serveHttp(context, async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://reviews').pathname
    if (path === '/health') return sendJson(response, 200, '{"status": "Reviews is healthy"}')
    const id = /^\/reviews\/(-?\d+)$/.exec(path)?.[1]
    if (id === undefined) return sendJson(response, 404, JSON.stringify({ error: 'Not Found' }))
    const ratings = flavour.ratingsEnabled ? await fetchRatings(context, Number(id), forwardHeaders(request.headers, ['end-user']), flavour.ratingsTimeoutMs) : undefined
    const body = {
      id,
      podname: context.env.HOSTNAME ?? context.podName,
      clustername: context.env.CLUSTER_NAME ?? 'null',
      reviews: REVIEWS.map((review) => {
        if (!flavour.ratingsEnabled) return review
        const stars = ratings?.[review.reviewer]
        return { ...review, rating: stars === undefined ? { error: RATINGS_UNAVAILABLE } : { stars, color: flavour.starColor } }
      }),
    }
    sendJson(response, 200, JSON.stringify(body))
  })
}
