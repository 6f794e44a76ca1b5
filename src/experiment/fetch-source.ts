// GET an experiment over http(s) with node:http(s), so `verifyTls: false` works without extra dependencies.
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface FetchedSource {
  status: number
  contentType: string
  body: string
}

const MAX_REDIRECTS = 5
const TIMEOUT_MS = 30_000

const getOnce = (url: URL, headers: Record<string, string>, verifyTls: boolean): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest(url, { headers, rejectUnauthorized: verifyTls }) : httpRequest(url, { headers })
    request.setTimeout(TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)))
    request.on('response', resolve).on('error', reject).end()
  })

const readBody = async (response: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of response) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Fetches a URL, following up to five redirects, and returns status, Content-Type and text body.
 *
 * @example
 * const { status, body } = await fetchSource(new URL('http://127.0.0.1:8080/exp.json'), {}, true)
 */
export async function fetchSource(url: URL, headers: Record<string, string>, verifyTls: boolean): Promise<FetchedSource> {
  let current = url
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await getOnce(current, headers, verifyTls)
    const status = response.statusCode ?? 0
    const location = response.headers.location
    if (status >= 300 && status < 400 && location) {
      response.resume()
      current = new URL(location, current)
      continue
    }
    return { status, contentType: response.headers['content-type'] ?? '', body: await readBody(response) }
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects`)
}
