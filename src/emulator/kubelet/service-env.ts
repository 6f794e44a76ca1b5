// The Docker-links-style variables a kubelet injects for every Service of the pod's namespace, pointed at the sidecar.
import type { ServiceLink } from '../workloads/program.js'

const envName = (name: string) => name.toUpperCase().replace(/-/g, '_')

/**
 * `DETAILS_SERVICE_HOST`, `DETAILS_SERVICE_PORT`, `DETAILS_SERVICE_PORT_HTTP`, `DETAILS_PORT`, `DETAILS_PORT_9080_TCP`,
 * `…_TCP_PROTO`, `…_TCP_PORT`, `…_TCP_ADDR`, as pkg/kubelet/envvars makes them; the address is the sidecar's
 * loopback port for that Service port (`portOf`) instead of the ClusterIP, so calls made with them go through the mesh.
 *
 * @example
 * serviceEnvOf([{ name: 'details', namespace: 'bookinfo', ports: [{ name: 'http', port: 9080, protocol: 'TCP' }] }], () => 41000)
 * // { DETAILS_SERVICE_HOST: '127.0.0.1', DETAILS_SERVICE_PORT: '41000', DETAILS_PORT_9080_TCP: 'tcp://127.0.0.1:41000', … }
 */
export const serviceEnvOf = (services: readonly ServiceLink[], portOf: (service: ServiceLink, port: number) => number | undefined): Record<string, string> => {
  const env: Record<string, string> = {}
  for (const service of services) {
    const prefix = envName(service.name)
    const mapped = service.ports.flatMap((entry) => {
      const local = portOf(service, entry.port)
      return local === undefined ? [] : [{ ...entry, local }]
    })
    const first = mapped[0]
    if (!first) continue
    env[`${prefix}_SERVICE_HOST`] = '127.0.0.1'
    env[`${prefix}_SERVICE_PORT`] = String(first.local)
    env[`${prefix}_PORT`] = `${first.protocol.toLowerCase()}://127.0.0.1:${first.local}`
    for (const entry of mapped) {
      if (entry.name) env[`${prefix}_SERVICE_PORT_${envName(entry.name)}`] = String(entry.local)
      const variable = `${prefix}_PORT_${entry.port}_${entry.protocol.toUpperCase()}`
      env[variable] = `${entry.protocol.toLowerCase()}://127.0.0.1:${entry.local}`
      env[`${variable}_PROTO`] = entry.protocol.toLowerCase()
      env[`${variable}_PORT`] = String(entry.local)
      env[`${variable}_ADDR`] = '127.0.0.1'
    }
  }
  return env
}
