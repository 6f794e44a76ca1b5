// Test support: bookinfo deployed from fixtures/ into a fresh store, its pods running, the ingress listening.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PodNetwork } from '../../pod-network.js'
import type { KubeObject } from '../../store/kube-object.js'
import { Store } from '../../store/store.js'
import { applyManifests, bookinfoManifestFiles, bookinfoPrograms } from '../../workloads/bookinfo/index.js'
import { packageRoot } from '../../package-files.js'
import { fetchOverCall } from '../../workloads/fetch-over-call.js'
import type { OutboundFetch } from '../../workloads/program.js'
import { createMesh, type Mesh } from '../create-mesh.js'
import type { Ingress } from '../ingress-gateway.js'
import { startTestPods, type TestPods } from './start-test-pods.js'

export interface BookinfoWorld {
  store: Store
  network: PodNetwork
  mesh: Mesh
  pods: TestPods
  ingress: Ingress
  /** `kubectl apply -f fixtures/<path>`. */
  apply(path: string): Promise<void>
  /** A fetch from a pod in `bookinfo` with the given labels, through its sidecar. */
  fetchFrom(labels?: Record<string, string>): OutboundFetch
  close(): Promise<void>
}

/** `inThread: false`: the mesh reaches the programs only through their loopback ports. */
export const startBookinfo = async (options: { inThread?: boolean } = {}): Promise<BookinfoWorld> => {
  const store = new Store()
  const network = new PodNetwork()
  const apply = async (path: string) => {
    applyManifests(store, await readFile(join(packageRoot(), path), 'utf8'), { source: path })
  }
  for (const path of bookinfoManifestFiles) await apply(path)
  const mesh = createMesh({ store, network })
  const pods = await startTestPods(store, network, mesh, bookinfoPrograms, options)
  const ingress = await mesh.startIngress({ port: 0 })
  const fetchFrom = (labels: Record<string, string> = { app: 'sleep' }) => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sleep', namespace: 'bookinfo', labels } }
    return fetchOverCall(mesh.outboundCall(pod))
  }
  return {
    store,
    network,
    mesh,
    pods,
    ingress,
    apply,
    fetchFrom,
    close: async () => {
      await mesh.close()
      await pods.stopAll()
    },
  }
}
