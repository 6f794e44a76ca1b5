// Where each pod's containers really listen: pod uid + containerPort → loopback port.
import type { InThreadHandler } from './workloads/program.js'

export interface PodAddress {
  host: '127.0.0.1'
  port: number
  /** The program's handler when it runs in the cluster's thread; the port keeps serving everyone else. */
  inThread?: InThreadHandler
}

export class PodNetwork {
  #ports = new Map<string, Map<number, PodAddress>>()

  register(podUid: string, containerPort: number, hostPort: number, inThread?: InThreadHandler): void {
    let ports = this.#ports.get(podUid)
    if (!ports) this.#ports.set(podUid, (ports = new Map<number, PodAddress>()))
    ports.set(containerPort, inThread ? { host: '127.0.0.1', port: hostPort, inThread } : { host: '127.0.0.1', port: hostPort })
  }

  unregister(podUid: string): void {
    this.#ports.delete(podUid)
  }

  /** The loopback address of a pod's container port, or undefined when nothing listens there. */
  resolve(podUid: string, containerPort: number): PodAddress | undefined {
    return this.#ports.get(podUid)?.get(containerPort)
  }
}
