import type { Probe } from '../../experiment/types.js'

const PODS = '/api/v1/pods'
const DEPLOYMENTS = '/apis/apps/v1/deployments'
const ENDPOINTS = '/api/v1/endpoints'
const NODES = '/api/v1/nodes'
const VIRTUAL_SERVICES = '/apis/networking.istio.io/v1alpha3/virtualservices'

// chaosk8s.<resource>.probes, and the chaosk8s.probes aliases by function name.
const byResource: Readonly<Record<string, readonly string[]>> = {
  pod: [PODS],
  deployment: [DEPLOYMENTS, PODS],
  service: [ENDPOINTS],
  node: [NODES],
}

const collectionsOf = (module: string, func: string): readonly string[] => {
  if (module.startsWith('chaosistio.')) return [VIRTUAL_SERVICES]
  if (!module.startsWith('chaosk8s.')) return []
  const resource = module.split('.')[1] ?? ''
  if (byResource[resource]) return byResource[resource]
  const named = Object.keys(byResource).find((name) => func.includes(name))
  return named ? byResource[named]! : []
}

/**
 * The cluster-wide API collections whose changes can change what these probes read (`/api/v1/pods` for
 * `chaosk8s.pod.probes.all_pods_healthy`); http and process probes read none.
 *
 * @example
 * probedCollections(hypothesis.probes) // ['/api/v1/pods']
 */
export const probedCollections = (probes: readonly Probe[]): string[] => {
  const paths = new Set<string>()
  for (const probe of probes) {
    const provider = probe.provider
    if (provider?.type === 'python') for (const path of collectionsOf(provider.module, provider.func)) paths.add(path)
  }
  return [...paths]
}
