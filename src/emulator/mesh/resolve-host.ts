import type { KubeObject } from '../store/kube-object.js'
import { type ClusterView, WATCHED } from './cluster-view.js'

const CLUSTER_DOMAIN = 'svc.cluster.local'

export interface ServiceTarget {
  name: string
  namespace: string
  /** `reviews.bookinfo.svc.cluster.local` */
  fqdn: string
  service: KubeObject
}

/** `reviews`, `reviews.bookinfo`, `reviews.bookinfo.svc[.cluster.local]` → the Service, as cluster DNS resolves them. */
export const resolveServiceHost = (view: ClusterView, hostname: string, callerNamespace: string): ServiceTarget | undefined =>
  view.derive(WATCHED.services, `host ${callerNamespace} ${hostname}`, () => {
    const host = hostname.toLowerCase().replace(/\.$/, '')
    const parts = host.split('.')
    const suffix = parts.slice(2).join('.')
    if (parts.length > 2 && suffix !== 'svc' && suffix !== CLUSTER_DOMAIN) return undefined
    const name = parts[0] ?? ''
    const namespace = parts[1] ?? callerNamespace
    const service = view.get(WATCHED.services, namespace, name)
    return service && { name, namespace, fqdn: `${name}.${namespace}.${CLUSTER_DOMAIN}`, service }
  })

/** Istio host names in rules: short names are qualified with the rule's own namespace. */
export const qualifyHost = (host: string, ruleNamespace: string): string => {
  if (host.includes('*')) return host
  const parts = host.toLowerCase().split('.')
  if (parts.length === 1) return `${parts[0]}.${ruleNamespace}.${CLUSTER_DOMAIN}`
  if (parts.length === 2) return `${host.toLowerCase()}.${CLUSTER_DOMAIN}`
  if (parts.length === 3 && parts[2] === 'svc') return `${host.toLowerCase()}.cluster.local`
  return host.toLowerCase()
}

/** `*` matches anything, `*.bookinfo.svc.cluster.local` any name under it. */
export const hostMatches = (pattern: string, host: string): boolean =>
  pattern === '*' || pattern === host || (pattern.startsWith('*.') && host.endsWith(pattern.slice(1)))

/** `reviews.bookinfo.svc.cluster.local` → the Service object, when it exists. */
export const findServiceByFqdn = (view: ClusterView, fqdn: string): ServiceTarget | undefined =>
  view.derive(WATCHED.services, `fqdn ${fqdn}`, () => {
    const [name, namespace, ...rest] = fqdn.split('.')
    if (!name || !namespace || rest.join('.') !== CLUSTER_DOMAIN) return undefined
    const service = view.get(WATCHED.services, namespace, name)
    return service && { name, namespace, fqdn, service }
  })
