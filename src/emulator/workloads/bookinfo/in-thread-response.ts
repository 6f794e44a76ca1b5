// What a program's handler writes when the mesh calls it in the cluster's thread, read back as an HTTP client would.
import type { OutgoingHttpHeaders } from 'node:http'
import type { InThreadOutcome } from '../program.js'

const BODYLESS_STATUS = new Set([204, 304])

/** Node's server stamps every answer with `date`; it changes once a second, so one string per second. */
let dateSecond = -1
let dateHeader = ''
const currentDate = (): string => {
  const now = Date.now()
  const second = Math.floor(now / 1000)
  if (second !== dateSecond) [dateSecond, dateHeader] = [second, new Date(now).toUTCString()]
  return dateHeader
}

const clientView = (headers: OutgoingHttpHeaders): Record<string, string | string[]> => {
  const parsed: Record<string, string | string[]> = {}
  for (const [rawName, value] of Object.entries(headers)) {
    if (value === undefined) continue
    const name = rawName.toLowerCase()
    if (name === 'set-cookie') parsed[name] = Array.isArray(value) ? value.map(String) : [String(value)]
    else parsed[name] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  parsed.date ??= currentDate()
  return parsed
}

/** The part of `ServerResponse` bookinfo's handlers use, buffered into one `InThreadOutcome`. */
export class InThreadResponse {
  headersSent = false
  readonly outcome: Promise<InThreadOutcome>
  #status = 200
  #headers: OutgoingHttpHeaders = {}
  #settle!: (outcome: InThreadOutcome) => void
  #settled = false
  #method: string

  constructor(method: string) {
    this.#method = method
    this.outcome = new Promise((resolve) => (this.#settle = resolve))
  }

  writeHead(status: number, headers: OutgoingHttpHeaders = {}): this {
    this.#status = status
    this.#headers = headers
    this.headersSent = true
    return this
  }

  end(body?: string | Buffer): this {
    this.headersSent = true
    const empty = this.#method === 'HEAD' || BODYLESS_STATUS.has(this.#status) || body === undefined
    this.#finish({ status: this.#status, headers: clientView(this.#headers), body: empty ? Buffer.alloc(0) : Buffer.from(body) })
    return this
  }

  destroy(): this {
    this.#finish('reset')
    return this
  }

  #finish(outcome: InThreadOutcome): void {
    if (this.#settled) return
    this.#settled = true
    this.#settle(outcome)
  }
}
