import { Agent } from 'node:http'
import type { PodNetwork } from '../pod-network.js'
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import type { OutboundCall } from '../workloads/program.js'
import { Cancellation } from './cancellation.js'
import { ClusterView } from './cluster-view.js'
import type { DispatchContext } from './dispatch-route.js'
import { type Ingress, startIngressGateway } from './ingress-gateway.js'
import { createOutboundCall } from './outbound-call.js'
import { LoadBalancer } from './pick-endpoint.js'

export interface MeshOptions {
  store: Store
  network: PodNetwork
  /** Source of randomness for fault percentages, weights and load balancing; default `Math.random`. */
  random?: () => number
}

/** An emulated Istio data plane: one sidecar per pod and an ingress gateway, reading VirtualServices and DestinationRules live from the store. */
export interface Mesh {
  /** The `ctx.call` of a pod's programs (and, wrapped, their `ctx.fetch`): every call goes through that pod's sidecar. */
  outboundCall(pod: KubeObject): OutboundCall
  /** Serves gateway-bound VirtualServices (e.g. bookinfo's) on a loopback port. */
  startIngress(options?: { port?: number }): Promise<Ingress>
  /** Stops ingresses, cancels in-flight delays and closes pooled connections. */
  close(): Promise<void>
}

/**
 * Creates the mesh for an emulated cluster.
 *
 * @example
 * const mesh = createMesh({ store, network })
 * const ingress = await mesh.startIngress({ port: 0 })
 * await fetch(`${ingress.url}/productpage`)
 */
export const createMesh = ({ store, network, random = Math.random }: MeshOptions): Mesh => {
  const closing = new Cancellation()
  const agent = new Agent({ keepAlive: true, maxSockets: 512 })
  const view = new ClusterView(store)
  const context: DispatchContext = { view, network, agent, balancer: new LoadBalancer(), random, cancellation: closing }
  const ingresses = new Set<Ingress>()
  return {
    outboundCall: (pod) => createOutboundCall(context, pod),
    startIngress: async (options = {}) => {
      const ingress = await startIngressGateway(context, options.port)
      ingresses.add(ingress)
      return { url: ingress.url, close: () => (ingresses.delete(ingress), ingress.close()) }
    },
    close: async () => {
      closing.abort(new Error('the mesh was closed'))
      await Promise.all([...ingresses].map((ingress) => ingress.close()))
      ingresses.clear()
      agent.destroy()
      view.close()
    },
  }
}
