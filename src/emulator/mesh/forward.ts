import { type Agent, request as httpRequest } from 'node:http'
import type { PodAddress } from '../pod-network.js'
import type { Cancellation } from './cancellation.js'
import { type MeshRequest, pathWithQuery } from './mesh-request.js'
import { forwardInThread } from './forward-in-thread.js'
import type { AttemptOutcome } from './retry-policy.js'
import { withoutHopByHop } from './without-hop-by-hop.js'

export interface ForwardOptions {
  agent: Agent
  /** Per-try deadline; the try counts as timed out after it. */
  timeoutMs?: number
  /** The caller gave up: reject with its reason. */
  cancellation?: Cancellation
}

const sendOnce = (address: PodAddress, request: MeshRequest, options: ForwardOptions, retryStaleSocket: boolean): Promise<AttemptOutcome> =>
  new Promise((resolve, reject) => {
    if (options.cancellation?.reason) return reject(options.cancellation.reason)
    let settled = false
    const finish = (outcome: AttemptOutcome | Error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      unhook?.()
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    }
    const headers: Record<string, string> = { ...withoutHopByHop(request.headers), host: request.authority }
    if (request.body?.length) headers['content-length'] = String(request.body.length)
    const outgoing = httpRequest({ host: address.host, port: address.port, method: request.method, path: pathWithQuery(request), headers, agent: options.agent })
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
      outgoing.destroy()
      finish({ kind: 'timeout' })
    }, Math.max(0, options.timeoutMs))
    const unhook = options.cancellation?.onAbort((reason) => {
      outgoing.destroy()
      finish(reason)
    })
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('error', () => finish({ kind: 'reset' }))
      incoming.on('aborted', () => finish({ kind: 'reset' }))
      incoming.on('end', () =>
        finish({
          kind: 'response',
          response: { status: incoming.statusCode ?? 502, headers: withoutHopByHop(incoming.headers) as Record<string, string | string[]>, body: Buffer.concat(chunks) },
        }),
      )
    })
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return
      if (retryStaleSocket && outgoing.reusedSocket && error.code === 'ECONNRESET') {
        settled = true
        clearTimeout(timer)
        unhook?.()
        sendOnce(address, request, options, false).then(resolve, reject)
        return
      }
      finish(error.code === 'ECONNREFUSED' ? { kind: 'connect-failure' } : { kind: 'reset' })
    })
    outgoing.end(request.body)
  })

/**
 * One try against one pod; the whole answer is buffered so a retry or a timeout never leaves half a response behind.
 * A program in the cluster's thread is called directly, the same request and outcomes without the socket.
 */
export const forwardOnce = (address: PodAddress, request: MeshRequest, options: ForwardOptions): Promise<AttemptOutcome> =>
  address.inThread ? forwardInThread(address.inThread, request, options) : sendOnce(address, request, options, true)
