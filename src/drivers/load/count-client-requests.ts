import type { EventEmitter } from 'node:events'
import { OUTCOME_CUT, OUTCOME_ERROR, OUTCOME_NON2XX, OUTCOME_OK, OUTCOME_TIMEOUT, type LoadSamples } from './load-samples.js'
import type { LoadEnding } from './load-thread-protocol.js'
import { monotonicMs } from './monotonic-ms.js'

// What autocannon's client has besides its events (lib/httpClient.js, autocannon 9): stopping it after the
// request in flight means lowering responseMax to what it has sent.
interface AutocannonClient extends EventEmitter {
  reqsMade: number
  responseMax?: number
  destroyed: boolean
  destroy(): void
}

/**
 * Counts every request autocannon's clients send exactly once into `samples`: answered, timed out, failed, or cut.
 * One connection has at most one request in flight (no pipelining), so each client keeps the send times of its
 * outstanding requests in order, and every ending takes the oldest.
 */
export class ClientRequests {
  sent = 0
  private readonly clients: { client: AutocannonClient; outstanding: number[] }[] = []
  private ending: LoadEnding | undefined

  constructor(
    private readonly samples: LoadSamples,
    private readonly onSent: (sent: number) => void,
    private readonly onIdle: () => void,
  ) {}

  /** autocannon's `setupClient`: called for each connection before it sends its first request. */
  readonly track = (emitter: EventEmitter): void => {
    const tracked = { client: emitter as AutocannonClient, outstanding: [] as number[] }
    this.clients.push(tracked)
    const endOldest = (outcome: number, status = 0) => {
      const sentAt = tracked.outstanding.shift()
      if (sentAt !== undefined) this.samples.add(sentAt, monotonicMs() - sentAt, outcome, status)
    }
    tracked.client.on('request', () => {
      this.sent += 1
      tracked.outstanding.push(monotonicMs())
      this.onSent(this.sent)
      // a timeout sends the next request before it reports the timeout; anything still older after that was lost
      // with its connection (the server closed it), which autocannon reconnects without a word
      if (tracked.outstanding.length > 1) {process.nextTick(() => {
        while (tracked.outstanding.length > 1) endOldest(OUTCOME_ERROR)
      })}
    })
    tracked.client.on('response', (status: number) => endOldest(status >= 200 && status < 300 ? OUTCOME_OK : OUTCOME_NON2XX, status))
    tracked.client.on('timeout', () => endOldest(OUTCOME_TIMEOUT))
    tracked.client.on('connError', () => endOldest(OUTCOME_ERROR))
    tracked.client.on('done', () => process.nextTick(() => {
      while (tracked.outstanding.length > 0) endOldest(this.ending === 'cut' ? OUTCOME_CUT : OUTCOME_ERROR)
      if (this.clients.every(({ client }) => client.destroyed)) this.onIdle()
    }))
  }

  /** `drain`: no client sends again, each ends after its request in flight; `cut`: every connection closes now. */
  end(how: LoadEnding): void {
    if (this.ending === 'cut' || this.ending === how) return
    this.ending = how
    for (const { client, outstanding } of this.clients) {
      if (how === 'cut' || outstanding.length === 0) client.destroy()
      // reqsMade counts a request only after its `request` event, so inside that event it is still 0 for a first request
      else client.responseMax = Math.max(1, client.reqsMade)
    }
  }
}
