import { ApisApi, type KubeConfig } from '@kubernetes/client-node'

export interface IstioPresence {
  istio: boolean
  /** Set when `istio` is false: what is missing and how to get it. */
  reason?: string
}

/** Asks the API server whether Istio's `networking.istio.io` API group is served. */
export const detectIstio = async (kc: KubeConfig, where: string): Promise<IstioPresence> => {
  const { groups } = await kc.makeApiClient(ApisApi).getAPIVersions()
  if (groups.some((group) => group.name === 'networking.istio.io')) return { istio: true }
  return {
    istio: false,
    reason: `Istio is not installed on the ${where} (no networking.istio.io API group), so VirtualService faults cannot work; install it with \`istioctl install --set profile=demo -y\``,
  }
}
