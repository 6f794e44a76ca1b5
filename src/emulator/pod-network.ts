// Where each pod's containers really listen: pod uid + containerPort → loopback port.

export interface PodAddress {
  host: '127.0.0.1'
  port: number
}

export class PodNetwork {
  #ports = new Map<string, Map<number, number>>()

  register(podUid: string, containerPort: number, hostPort: number): void {
    let ports = this.#ports.get(podUid)
    if (!ports) this.#ports.set(podUid, (ports = new Map<number, number>()))
    ports.set(containerPort, hostPort)
  }

  unregister(podUid: string): void {
    this.#ports.delete(podUid)
  }

  /** The loopback address of a pod's container port, or undefined when nothing listens there. */
  resolve(podUid: string, containerPort: number): PodAddress | undefined {
    const port = this.#ports.get(podUid)?.get(containerPort)
    return port === undefined ? undefined : { host: '127.0.0.1', port }
  }
}
