import { imageName, type InThreadResponse, type Program, type ProgramContext } from '../program.js'
import { forwardHeaders } from './forward-headers.js'
import { type HandlerResponse, sendJson, serveHttp } from './serve-http.js'

type Ratings = Record<string, number>

const DEFAULT_RATINGS: Ratings = { Reviewer1: 5, Reviewer2: 4 }
const DATABASE_TIMEOUT_MS = 10_000

const send = (response: HandlerResponse, status: number, value: unknown) => sendJson(response, status, JSON.stringify(value), 'Content-type')

/** `mongodb://mongodb:27017/test` → the emulated data service's collection URL `http://mongodb:27017/test/ratings`. */
export const ratingsCollectionUrl = (mongoUrl: string): string => {
  const url = new URL(mongoUrl.replace(/^mongodb:/, 'http:'))
  return `http://${url.host}/${url.pathname.replace(/^\//, '') || 'test'}/ratings`
}

const readDatabaseRatings = async (context: ProgramContext, headers: Record<string, string>): Promise<{ status: number; body: unknown }> => {
  let answer: InThreadResponse
  try {
    answer = await context.call(ratingsCollectionUrl(context.env.MONGO_DB_URL ?? 'mongodb://mongodb:27017/test'), { headers, timeoutMs: DATABASE_TIMEOUT_MS })
  } catch {
    return { status: 500, body: { error: 'could not connect to ratings database' } }
  }
  if (answer.status === 503) return { status: 500, body: { error: 'could not connect to ratings database' } }
  const ok = answer.status >= 200 && answer.status < 300
  const rows = ok ? (JSON.parse(answer.body.toString('utf8')) as { rating: number }[]) : []
  if (rows.length < 2) return { status: 500, body: { error: 'could not load ratings from database' } }
  return { status: 200, body: { Reviewer1: rows[0]?.rating, Reviewer2: rows[1]?.rating } }
}

/** ratings v1 (in memory, POST stores) and v2 (reads MongoDB through the mesh; the image name decides, as `SERVICE_VERSION` is baked into it). */
export const ratings: Program = (context) => {
  const version = context.env.SERVICE_VERSION ?? (imageName(context.image).endsWith('-v2') ? 'v2' : 'v1')
  const stored = new Map<number, Ratings>()
  return serveHttp(context, async (request, response, body) => {
    const path = new URL(request.url ?? '/', 'http://ratings').pathname
    if (path === '/health') return send(response, 200, { status: 'Ratings is healthy' })
    if (!/^\/ratings\/[0-9]*/.test(path)) return send(response, 404, { error: 'Not Found' })
    const productId = Number.parseInt(path.split('/').pop() ?? '', 10)
    if (Number.isNaN(productId)) return send(response, 400, { error: 'please provide numeric product ID' })
    if (request.method === 'POST') {
      // upstream bookinfo's own answer, verbatim (spec/bookinfo-and-kubernetes.md): ratings v2 reads its database and takes no POST
      if (version === 'v2') return send(response, 501, { error: 'Post not implemented for database backed ratings' })
      let posted: Ratings
      try {
        posted = JSON.parse(body.toString('utf8')) as Ratings
      } catch {
        return send(response, 400, { error: 'please provide valid ratings JSON' })
      }
      stored.set(productId, posted)
      return send(response, 200, { id: productId, ratings: posted })
    }
    if (version !== 'v2') return send(response, 200, { id: productId, ratings: stored.get(productId) ?? DEFAULT_RATINGS })
    const result = await readDatabaseRatings(context, forwardHeaders(request.headers, ['end-user']))
    send(response, result.status, result.status === 200 ? { id: productId, ratings: result.body } : result.body)
  })
}
