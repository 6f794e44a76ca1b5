// One try against a program in the cluster's own thread: its handler, called as its loopback port would call it.
import type { InThreadHandler, InThreadRequest } from '../workloads/program.js'
import type { ForwardOptions } from './forward.js'
import { type MeshRequest, pathWithQuery } from './mesh-request.js'
import type { AttemptOutcome } from './retry-policy.js'
import { withoutHopByHop } from './without-hop-by-hop.js'

/** The request as the program's server would parse what `forwardOnce` writes to the socket. */
const asParsedRequest = (request: MeshRequest): InThreadRequest => {
  const headers: Record<string, string> = withoutHopByHop(request.headers)
  headers.host = request.authority
  headers.connection = 'keep-alive'
  if (request.body?.length) headers['content-length'] = String(request.body.length)
  return { method: request.method, url: pathWithQuery(request), headers, body: request.body ?? Buffer.alloc(0) }
}

/**
 * Same outcomes, deadline and cancellation as a try over the socket: a stopped program refuses (connect-failure), a
 * dropped answer is a reset, a late one a timeout (its handler still runs to the end, as it would behind a closed socket).
 */
export const forwardInThread = (serve: InThreadHandler, request: MeshRequest, options: Omit<ForwardOptions, 'agent'>): Promise<AttemptOutcome> =>
  new Promise((resolve, reject) => {
    const { cancellation, timeoutMs } = options
    if (cancellation?.reason) return reject(cancellation.reason)
    let settled = false
    const finish = (outcome: AttemptOutcome | Error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      unhook?.()
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    }
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish({ kind: 'timeout' }), Math.max(0, timeoutMs))
    const unhook = cancellation?.onAbort(finish)
    serve(asParsedRequest(request)).then(
      (outcome) => {
        if (outcome === 'refused') finish({ kind: 'connect-failure' })
        else if (outcome === 'reset') finish({ kind: 'reset' })
        else finish({ kind: 'response', response: { status: outcome.status, headers: withoutHopByHop(outcome.headers), body: outcome.body } })
      },
      () => finish({ kind: 'reset' }),
    )
  })
