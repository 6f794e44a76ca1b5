// Pod IPs from each node's podCIDR (10.244.N.0/24) and the node's own InternalIP for host-network pods.
import type { Node } from '../controllers/kube-types.js'

export class PodAddresses {
  #used = new Map<string, Set<string>>()
  #next = new Map<string, number>()

  /** The next free address in the node's podCIDR, e.g. `10.244.2.7`. */
  allocate(node: Node): string {
    const cidr = String(node.spec?.podCIDR ?? '10.244.0.0/24')
    const prefix = cidr.split('.').slice(0, 3).join('.')
    const used = this.#used.get(prefix) ?? new Set<string>()
    this.#used.set(prefix, used)
    let host = this.#next.get(prefix) ?? 2
    for (let tries = 0; tries < 253; tries += 1) {
      const ip = `${prefix}.${host}`
      host = host >= 254 ? 2 : host + 1
      if (!used.has(ip)) {
        used.add(ip)
        this.#next.set(prefix, host)
        return ip
      }
    }
    throw new Error(`node ${node.metadata.name}: no free pod IP left in ${cidr}; delete some pods`)
  }

  release(ip: string): void {
    this.#used.get(ip.split('.').slice(0, 3).join('.'))?.delete(ip)
  }
}

export const internalIpOf = (node: Node): string => node.status?.addresses?.find((address) => address.type === 'InternalIP')?.address ?? '172.18.0.2'
