import { CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node'
import { ClusterError } from '../../errors.js'
import { DEFAULT_K3S_IMAGE, DEFAULT_READY_TIMEOUT_MS, type ClusterProvider, type CommonClusterOptions } from '../cluster-provider.js'
import { stopRecordedClusterProcess } from '../stop-recorded-process.js'
import { detectIstio } from '../detect-istio.js'
import { BOOKINFO_NAMESPACE } from '../../kube/bookinfo-manifests.js'
import { installBookinfo } from '../install-bookinfo.js'
import { INGRESS_NODE_PORT } from '../kind-commands.js'
import { clusterAddresses } from '../cluster-addresses.js'
import { makeStartedCluster } from '../make-started-cluster.js'
import { waitForNodesReady } from '../readiness.js'
import { renameKubeconfigContext } from '../rename-kubeconfig-context.js'
import { openStateDir, writeKubeconfig } from '../state-dir.js'

export const K3S_CONTEXT = 'k3s-chaos'

const loadK3sModule = async () => {
  try {
    return await import('@testcontainers/k3s')
  } catch (error) {
    throw new ClusterError('k3s cluster: @testcontainers/k3s is not installed; add it with `npm i -D testcontainers@11.14 @testcontainers/k3s@11.14`', 'k3s', { cause: error })
  }
}

/** Publishes bookinfo's productpage Service on the NodePort the container maps to the host (k3s has no Istio ingress). */
const exposeProductPage = async (kc: KubeConfig) => {
  await kc.makeApiClient(CoreV1Api).patchNamespacedService(
    { name: 'productpage', namespace: BOOKINFO_NAMESPACE, body: { spec: { type: 'NodePort', ports: [{ port: 9080, nodePort: INGRESS_NODE_PORT }] } } },
    setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
  )
}

/** `startCluster({ provider: 'k3s' })`. */
export interface K3sClusterOptions extends CommonClusterOptions {
  provider: 'k3s'
  /** Leave the container this call started running when `stop()` is called (default false). */
  keep?: boolean
  /** The `rancher/k3s` image (default {@link DEFAULT_K3S_IMAGE}). */
  k3sImage?: string
}

/** A single-node k3s in a container (testcontainers), bookinfo from `fixtures/`; Istio only if it is installed. */
export const k3sProvider: ClusterProvider<K3sClusterOptions> = {
  name: 'k3s',
  lifetime: 'process',
  stopRecorded: stopRecordedClusterProcess,
  async start(options) {
    const { K3sContainer } = await loadK3sModule()
    const image = options.k3sImage ?? DEFAULT_K3S_IMAGE
    options.log?.(`starting k3s (${image}) with testcontainers`)
    const container = await new K3sContainer(image).withExposedPorts(INGRESS_NODE_PORT).start().catch((error: unknown) => {
      throw new ClusterError(`k3s cluster: could not start the container: ${(error as Error).message.split('\n')[0]}; the k3s provider needs a running Docker daemon`, 'k3s', { cause: error })
    })
    const state = await openStateDir(options.stateDir)
    const remove = async () => {
      if (!options.keep) await container.stop()
      await state.remove()
    }
    try {
      const kubeconfig = renameKubeconfigContext(container.getKubeConfig(), K3S_CONTEXT)
      const kubeconfigPath = await writeKubeconfig(state.path, kubeconfig)
      const kc = new KubeConfig()
      kc.loadFromString(kubeconfig)
      const timeouts = { timeoutMs: options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS, provider: 'k3s', ...(options.signal ? { signal: options.signal } : {}) }
      await waitForNodesReady(kc, 1, timeouts)
      const presence = await detectIstio(kc, 'k3s cluster')
      let productPage: string | undefined
      if (options.bookinfo !== false) {
        await installBookinfo(kc, { ...timeouts, istio: presence.istio, ...(options.log ? { log: options.log } : {}) })
        await exposeProductPage(kc)
        productPage = `http://${container.getHost()}:${container.getMappedPort(INGRESS_NODE_PORT)}`
      }
      return makeStartedCluster(
        {
          provider: 'k3s', name: 'k3s', kubeconfig, kubeconfigPath, context: K3S_CONTEXT,
          ...clusterAddresses(kc.getCurrentCluster()?.server ?? '', kubeconfigPath, productPage),
          istio: presence.istio,
          ...(presence.reason ? { istioUnavailableReason: presence.reason } : {}),
        },
        remove,
      )
    } catch (error) {
      await remove().catch(() => {})
      throw error
    }
  },
}
