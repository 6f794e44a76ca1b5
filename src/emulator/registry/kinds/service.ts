// Services: DNS-1035 names, a cluster IP and node ports allocated on create, port checks.
import type { Store } from '../../store/store.js'
import { asArray, invalidValue, requiredValue } from '../field-errors.js'
import { DNS1035_LABEL } from '../name-formats.js'
import type { Json, ResourceHooks } from '../resource-definition.js'

const nextClusterIp = (store: Store): string => {
  const used = new Set(store.list('services').flatMap((service) => ((service.spec as Json | undefined)?.clusterIPs as string[] | undefined) ?? []))
  for (let n = 10; n < 65_000; n += 1) {
    const ip = `10.96.${Math.floor(n / 256)}.${n % 256}`
    if (!used.has(ip)) return ip
  }
  throw new Error('service IP range 10.96.0.0/16 is exhausted')
}

const nextNodePort = (store: Store): number => {
  const used = new Set(
    store.list('services').flatMap((service) => (((service.spec as Json | undefined)?.ports as Json[] | undefined) ?? []).map((port) => port.nodePort)),
  )
  for (let port = 30000; port <= 32767; port += 1) if (!used.has(port)) return port
  throw new Error('node port range 30000-32767 is exhausted')
}

const defaultService = (service: Json, store: Store): void => {
  const spec = (service.spec ??= {}) as Json
  spec.type ??= 'ClusterIP'
  for (const port of (spec.ports as Json[] | undefined) ?? []) {
    port.protocol ??= 'TCP'
    port.targetPort ??= port.port
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') port.nodePort ??= nextNodePort(store)
  }
  if (spec.type !== 'ExternalName') {
    spec.clusterIP ??= (spec.clusterIPs as string[] | undefined)?.[0] ?? nextClusterIp(store)
    spec.clusterIPs ??= [spec.clusterIP]
    spec.ipFamilies ??= ['IPv4']
    spec.ipFamilyPolicy ??= 'SingleStack'
    spec.internalTrafficPolicy ??= 'Cluster'
  }
  spec.sessionAffinity ??= 'None'
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster'
  service.status = { loadBalancer: {} }
}

export const SERVICE_HOOKS: ResourceHooks = {
  defaultOnCreate: defaultService,
  defaultOnUpdate: (spec) => {
    for (const port of (spec.ports as Json[] | undefined) ?? []) port.protocol ??= 'TCP'
  },
  nameFormat: DNS1035_LABEL,
  validate: (service, errors) => {
    const spec = (service.spec ?? {}) as Json
    const ports = asArray(spec.ports)
    if (ports.length === 0 && spec.clusterIP !== 'None' && spec.type !== 'ExternalName') errors.push(requiredValue('spec.ports'))
    ports.forEach((port, index) => {
      if (typeof port?.port !== 'number' || port.port < 1 || port.port > 65535) {
        errors.push(invalidValue(`spec.ports[${index}].port`, port?.port ?? 0, 'must be between 1 and 65535, inclusive'))
      }
      if (ports.length > 1 && !port?.name) errors.push(requiredValue(`spec.ports[${index}].name`))
    })
  },
}
