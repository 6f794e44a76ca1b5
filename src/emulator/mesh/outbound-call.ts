import type { KubeObject } from '../store/kube-object.js'
import type { OutboundCall, OutboundCallInit } from '../workloads/program.js'
import { deriveCancellation } from './cancellation.js'
import type { DispatchContext } from './dispatch-route.js'
import { fetchFailed } from './fetch-errors.js'
import type { MeshRequest, UpstreamResponse } from './mesh-request.js'
import { resolveServiceHost, type ServiceTarget } from './resolve-host.js'
import { exposesPort, routeMeshRequest, withRequestId } from './route-mesh-request.js'

const timeoutError = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError')

/** The call's own deadline and signal, on a cancellation of its own that follows the mesh's. */
const routeWithin = async (context: DispatchContext, init: OutboundCallInit, route: (context: DispatchContext) => Promise<UpstreamResponse>) => {
  const { cancellation, dispose } = deriveCancellation(context.cancellation)
  const timer = init.timeoutMs === undefined ? undefined : setTimeout(() => cancellation.abort(timeoutError()), Math.max(0, init.timeoutMs))
  const unfollow = init.signal ? cancellation.follow(init.signal) : undefined
  try {
    return await route({ ...context, cancellation })
  } finally {
    clearTimeout(timer)
    unfollow?.()
    dispose()
  }
}

/** The sidecar of one pod: resolves `http://<service>[.<ns>…]:<port>/…` as cluster DNS would and routes it through the mesh. */
export const createOutboundCall =
  (context: DispatchContext, pod: KubeObject): OutboundCall =>
  (input, init = {}) => {
    const url = new URL(input)
    const namespace = pod.metadata.namespace ?? 'default'
    const target: ServiceTarget | undefined = url.protocol === 'http:' ? resolveServiceHost(context.view, url.hostname, namespace) : undefined
    if (!target) return Promise.reject(fetchFailed('ENOTFOUND', url.hostname))
    const port = url.port ? Number(url.port) : 80
    if (!exposesPort(target, port)) return Promise.reject(fetchFailed('ECONNREFUSED', `${url.hostname}:${port}`))
    const request: MeshRequest = withRequestId({
      method: (init.method ?? 'GET').toUpperCase(),
      scheme: 'http',
      authority: url.host,
      path: url.pathname,
      query: url.searchParams,
      headers: { ...init.headers },
      ...(init.body ? { body: init.body } : {}),
    })
    const source = { namespace, labels: pod.metadata.labels ?? {}, gateway: 'mesh' }
    if (init.timeoutMs === undefined && !init.signal) return routeMeshRequest(context, target, port, request, source)
    return routeWithin(context, init, (within) => routeMeshRequest(within, target, port, request, source))
  }
