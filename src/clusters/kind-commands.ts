// What the kind provider runs and how it reads the answers; pure, so the unit tests pin them down.
import { parse } from 'yaml'

export interface KindCreateOptions {
  name: string
  configPath: string
  /** Passed to `--wait`; kind waits only for the control plane, we watch the rest. */
  wait?: string
  nodeImage?: string
}

export const kindGetClustersArgs = (): string[] => ['get', 'clusters']

export const kindCreateArgs = (options: KindCreateOptions): string[] => [
  'create', 'cluster', '--name', options.name, '--config', options.configPath, '--wait', options.wait ?? '5m',
  ...(options.nodeImage ? ['--image', options.nodeImage] : []),
]

export const kindGetKubeconfigArgs = (name: string): string[] => ['get', 'kubeconfig', '--name', name]

export const kindDeleteArgs = (name: string): string[] => ['delete', 'cluster', '--name', name]

/** `kind get clusters` prints one name per line, or "No kind clusters found." (on stderr) when there are none. */
export const parseKindClusters = (stdout: string): string[] =>
  stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('No kind clusters'))

/** The kube context kind writes for a cluster. */
export const kindContextName = (name: string): string => `kind-${name}`

interface KindPortMapping { containerPort?: number; hostPort?: number; listenAddress?: string }
interface KindNode { role?: string; extraPortMappings?: KindPortMapping[] }

/** The host URL a NodePort is published on by the kind config's `extraPortMappings`, or undefined. */
export const kindHostUrlForNodePort = (configYaml: string, nodePort: number): string | undefined => {
  const config = parse(configYaml) as { nodes?: KindNode[] } | null
  for (const node of config?.nodes ?? []) {
    const mapping = node.extraPortMappings?.find((candidate) => candidate.containerPort === nodePort)
    if (mapping?.hostPort !== undefined) {
      const host = !mapping.listenAddress || mapping.listenAddress === '0.0.0.0' ? '127.0.0.1' : mapping.listenAddress
      return `http://${host}:${mapping.hostPort}`
    }
  }
  return undefined
}

/** The number of nodes a kind config declares (1 when it lists none). */
export const kindNodeCount = (configYaml: string): number => (parse(configYaml) as { nodes?: KindNode[] } | null)?.nodes?.length ?? 1

export const istioctlInstallArgs = (options: { kubeconfigPath: string; profile: string }): string[] => [
  'install', '--kubeconfig', options.kubeconfigPath, '--set', `profile=${options.profile}`,
  ...(options.profile === 'minimal' ? ['--set', 'components.ingressGateways[0].name=istio-ingressgateway', '--set', 'components.ingressGateways[0].enabled=true'] : []),
  '-y',
]

export const dockerInfoArgs = (): string[] => ['info', '--format', '{{.ServerVersion}}']

/** The NodePort the ingress gateway is exposed on; `kind-config.yaml` maps it to the host. */
export const INGRESS_NODE_PORT = 30080
