import { VersionApi, type KubeConfig } from '@kubernetes/client-node'
import { ClusterError } from '../../errors.js'
import { isContextAllowed, parseAllowedContexts } from '../allowed-contexts.js'
import type { ClusterProvider, CommonClusterOptions } from '../cluster-provider.js'
import { stopRecordedClusterProcess } from '../stop-recorded-process.js'
import { detectIstio } from '../detect-istio.js'
import { loadKubeconfig } from '../load-kubeconfig.js'
import { clusterAddresses } from '../cluster-addresses.js'
import { makeStartedCluster } from '../make-started-cluster.js'
import { singleContextKubeconfig } from '../single-context-kubeconfig.js'
import { openStateDir, writeKubeconfig } from '../state-dir.js'

/** `startCluster({ provider: 'existing' })`: the cluster of a kubeconfig context. */
export interface ExistingClusterOptions extends CommonClusterOptions {
  provider: 'existing'
  /** The context to use instead of the kubeconfig's current context. */
  context?: string
}

/** Picks the context and refuses it unless it matches `CHAOS_ALLOWED_CONTEXTS`; sends nothing to the cluster. */
export const selectAllowedContext = (kc: KubeConfig, options: Pick<ExistingClusterOptions, 'context' | 'env'>): string => {
  const env = options.env ?? process.env
  if (options.context !== undefined) {
    if (!kc.getContextObject(options.context)) {
      throw new ClusterError(`existing cluster: context '${options.context}' is not in the kubeconfig; list contexts with \`kubectl config get-contexts\``, 'existing')
    }
    kc.setCurrentContext(options.context)
  }
  const context = kc.getCurrentContext()
  const globs = parseAllowedContexts(env.CHAOS_ALLOWED_CONTEXTS)
  if (!isContextAllowed(context, globs)) {
    throw new ClusterError(
      `existing cluster: refused context '${context}' before sending it a single request: it matches none of CHAOS_ALLOWED_CONTEXTS (${globs.join(', ')}). ` +
        `If this cluster is meant for chaos experiments, allow it: CHAOS_ALLOWED_CONTEXTS='${[...globs, context].join(',')}'`,
      'existing',
    )
  }
  return context
}

const checkReachable = async (kc: KubeConfig, context: string): Promise<void> => {
  try {
    await kc.makeApiClient(VersionApi).getCode()
  } catch (error) {
    const server = kc.getCurrentCluster()?.server ?? '(no server)'
    throw new ClusterError(
      `existing cluster: context '${context}' (${server}) is not reachable: ${(error as Error).message.split('\n')[0]}; check that the cluster is running and KUBECONFIG points at it`,
      'existing',
      { cause: error },
    )
  }
}

/** The cluster of the current KUBECONFIG context, accepted only when the allow-list says so; `stop()` leaves it running. */
export const existingProvider: ClusterProvider<ExistingClusterOptions> = {
  name: 'existing',
  lifetime: 'process',
  stopRecorded: stopRecordedClusterProcess,
  async start(options) {
    const env = options.env ?? process.env
    const kc = loadKubeconfig(env)
    const context = selectAllowedContext(kc, options)
    await checkReachable(kc, context)
    const presence = await detectIstio(kc, `cluster of context '${context}'`)
    const state = await openStateDir(options.stateDir)
    const kubeconfig = singleContextKubeconfig(kc)
    const kubeconfigPath = await writeKubeconfig(state.path, kubeconfig)
    const productPage = env.PRODUCT_PAGE_SERVICE_BASE_URL?.replace(/\/+$/, '')
    return makeStartedCluster(
      {
        provider: 'existing',
        name: context,
        kubeconfig,
        kubeconfigPath,
        context,
        ...clusterAddresses(kc.getCurrentCluster()?.server ?? '', kubeconfigPath, productPage),
        istio: presence.istio,
        ...(presence.reason ? { istioUnavailableReason: presence.reason } : {}),
      },
      () => state.remove(),
    )
  },
}
