import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'

/** One HTTP exchange, as the http provider needs it; node:http(s) so `verify_tls: false` works on Node 20. */
export interface HttpRequestSpec {
  url: URL
  method: string
  headers: Record<string, string>
  body?: string
  /** Milliseconds to establish the connection; undefined waits forever, as requests does. */
  connectTimeoutMs?: number
  /** Milliseconds of silence allowed while reading; undefined waits forever. */
  readTimeoutMs?: number
  rejectUnauthorized: boolean
  signal: AbortSignal
}

export interface HttpResponseData {
  status: number
  /** Header names with the server's casing; repeated headers joined with `, ` as requests does. */
  headers: Record<string, string>
  text: string
}

/** Why an exchange failed: before a response (`connect`), on a timeout, or because the signal fired. */
export class HttpExchangeError extends Error {
  override name = 'HttpExchangeError'
  constructor(readonly kind: 'connect' | 'timeout' | 'aborted', message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

const collectHeaders = (response: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {}
  const raw = response.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!
    headers[name] = name in headers ? `${headers[name]}, ${raw[i + 1]}` : raw[i + 1]!
  }
  return headers
}

/**
 * Sends one request and reads the whole body as UTF-8 text.
 *
 * @example
 * const { status, text } = await sendHttpRequest({ url: new URL('http://127.0.0.1:8080/'), method: 'GET', headers: {}, rejectUnauthorized: true, signal })
 */
export const sendHttpRequest = (spec: HttpRequestSpec): Promise<HttpResponseData> =>
  new Promise((resolve, reject) => {
    const send = spec.url.protocol === 'https:' ? httpsRequest : httpRequest
    let timer: NodeJS.Timeout | undefined
    const arm = (ms: number | undefined, what: string) => {
      clearTimeout(timer)
      if (ms !== undefined) timer = setTimeout(() => fail(new HttpExchangeError('timeout', `no ${what} within ${ms} ms`)), ms)
    }
    const fail = (error: HttpExchangeError) => {
      clearTimeout(timer)
      request.destroy()
      reject(error)
    }
    const request = send(spec.url, { method: spec.method, headers: spec.headers, rejectUnauthorized: spec.rejectUnauthorized, signal: spec.signal })
    arm(spec.connectTimeoutMs, 'connection')
    request.on('socket', (socket) => {
      const connected = () => arm(spec.readTimeoutMs, 'response')
      if (!socket.connecting) return connected()
      socket.once(spec.url.protocol === 'https:' ? 'secureConnect' : 'connect', connected)
    })
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(new HttpExchangeError(spec.signal.aborted ? 'aborted' : 'connect', error.message, { cause: error }))
    })
    request.on('response', (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        arm(spec.readTimeoutMs, 'data')
      })
      response.on('error', (error) => fail(new HttpExchangeError(spec.signal.aborted ? 'aborted' : 'connect', error.message, { cause: error })))
      response.on('end', () => {
        clearTimeout(timer)
        resolve({ status: response.statusCode ?? 0, headers: collectHeaders(response), text: Buffer.concat(chunks).toString('utf8') })
      })
    })
    request.end(spec.body)
  })
