export type ClusterProviderName = 'emulated' | 'kind' | 'k3s' | 'existing'

/**
 * A running cluster, whatever provides it. Drivers reach it only through `kubeconfig`.
 *
 * @example
 * await using cluster = await startCluster({ provider: 'emulated' })
 * process.env.KUBECONFIG = cluster.kubeconfigPath
 */
export interface StartedCluster extends AsyncDisposable {
  provider: ClusterProviderName
  /** Cluster name (kind: `chaos`; emulated: `emulated`). */
  name: string
  /** Kubeconfig YAML whose current context is this cluster. */
  kubeconfig: string
  /** The same kubeconfig written to disk, for `KUBECONFIG` and child processes. */
  kubeconfigPath: string
  /** Kube context name inside the kubeconfig. */
  context: string
  urls: {
    /** API server URL. */
    api: string
    /** Bookinfo's product page base URL (no trailing slash), when bookinfo is deployed and exposed. */
    productPage?: string
  }
  /** Whether Istio routing and fault injection work on this cluster. */
  istio: boolean
  /** Why `istio` is false, in words a skipped test can print (e.g. "Istio is not installed on the k3s cluster"). */
  istioUnavailableReason?: string
  /** Environment variables a second terminal needs (`KUBECONFIG`, `PRODUCT_PAGE_SERVICE_BASE_URL`). */
  env: Record<string, string>
  /** Stops what this call started; a reused or existing cluster is left running. */
  stop(): Promise<void>
}
