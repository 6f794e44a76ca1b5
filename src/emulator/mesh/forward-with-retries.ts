import type { Agent } from 'node:http'
import type { PodNetwork } from '../pod-network.js'
import type { Cancellation } from './cancellation.js'
import { forwardOnce } from './forward.js'
import { type MeshRequest, plainResponse, type UpstreamResponse } from './mesh-request.js'
import type { Endpoint, LoadBalancer } from './pick-endpoint.js'
import { type AttemptOutcome, backoffMs, isRetriable, type RetryPolicy } from './retry-policy.js'
import { sleep } from './sleep.js'

export interface UpstreamCluster {
  /** `outbound|9080|v1|reviews.bookinfo.svc.cluster.local`, the load balancer's key. */
  name: string
  /** Re-read before every try. */
  endpoints: () => Endpoint[]
  loadBalancer?: string
}

export interface ForwardContext {
  network: PodNetwork
  agent: Agent
  balancer: LoadBalancer
  random: () => number
  /** Aborts every try and back-off of the request. */
  cancellation?: Cancellation
}

const CONNECT_ERROR = 'upstream connect error or disconnect/reset before headers.'

const failureResponse = (outcome: Exclude<AttemptOutcome, { kind: 'response' }>, retried: boolean): UpstreamResponse => {
  if (outcome.kind === 'timeout') return plainResponse(504, 'upstream request timeout')
  const reason = outcome.kind === 'connect-failure' ? 'remote connection failure, transport failure reason: delayed connect error: 111' : 'connection termination'
  return plainResponse(503, `${CONNECT_ERROR} ${retried ? 'retried and the latest reset reason' : 'reset reason'}: ${reason}`)
}

/** Envoy's router: tries, per-try timeouts, retries on another host with back-off, all inside the route `timeout`. */
export const forwardWithRetries = async (
  context: ForwardContext,
  cluster: UpstreamCluster,
  request: MeshRequest,
  policy: RetryPolicy,
  routeTimeoutMs: number | undefined,
): Promise<UpstreamResponse> => {
  const deadline = routeTimeoutMs ? Date.now() + routeTimeoutMs : Number.POSITIVE_INFINITY
  const tried = new Set<string>()
  let last: AttemptOutcome | undefined
  let tries = 0
  for (let attempt = 0; attempt <= policy.attempts; attempt += 1) {
    if (attempt > 0) await sleep(Math.min(backoffMs(policy, attempt, context.random), deadline - Date.now()), context.cancellation)
    const remaining = deadline - Date.now()
    if (remaining <= 0) return plainResponse(504, 'upstream request timeout')
    const endpoint = context.balancer.pick(cluster.name, cluster.endpoints(), tried, cluster.loadBalancer, context.random)
    if (!endpoint) return last ? settle(last, tries > 1) : plainResponse(503, 'no healthy upstream')
    tried.add(endpoint.podUid)
    tries += 1
    const address = context.network.resolve(endpoint.podUid, endpoint.targetPort)
    const perTry = Math.min(policy.perTryTimeoutMs ?? Number.POSITIVE_INFINITY, remaining)
    last = address
      ? await forwardOnce(address, request, { agent: context.agent, timeoutMs: Number.isFinite(perTry) ? perTry : undefined, cancellation: context.cancellation })
      : { kind: 'connect-failure' }
    if (last.kind === 'timeout' && Date.now() >= deadline) return plainResponse(504, 'upstream request timeout')
    if (!isRetriable(policy, last)) break
  }
  return settle(last ?? { kind: 'connect-failure' }, tries > 1)
}

const settle = (outcome: AttemptOutcome, retried: boolean): UpstreamResponse =>
  outcome.kind === 'response' ? outcome.response : failureResponse(outcome, retried)
