import { CoreV1Api, PatchStrategy, setHeaderOptions, type KubeConfig } from '@kubernetes/client-node'
import { ClusterError } from '../errors.js'

/** Strategic-merge patch turning the Istio ingress gateway Service into a NodePort with port 80 on `nodePort`. */
export const ingressNodePortPatch = (nodePort: number) => ({
  spec: { type: 'NodePort', ports: [{ name: 'http2', port: 80, nodePort }] },
})

/** Publishes the ingress gateway on a fixed NodePort, which the kind config maps to the host. */
export const exposeIngressGateway = async (kc: KubeConfig, nodePort: number, provider: string): Promise<void> => {
  try {
    await kc.makeApiClient(CoreV1Api).patchNamespacedService(
      { name: 'istio-ingressgateway', namespace: 'istio-system', body: ingressNodePortPatch(nodePort) },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    )
  } catch (error) {
    throw new ClusterError(
      `${provider} cluster: could not expose istio-system/istio-ingressgateway on NodePort ${nodePort}: ${(error as Error).message.split('\n')[0]}; was Istio installed with an ingress gateway (profile demo)?`,
      provider,
      { cause: error },
    )
  }
}
