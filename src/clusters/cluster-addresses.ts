import type { StartedCluster } from './started-cluster.js'

/**
 * A started cluster's `urls` and the `env` a second terminal needs (`KUBECONFIG`, and `PRODUCT_PAGE_SERVICE_BASE_URL`
 * when the product page is reachable), the same for every provider.
 */
export const clusterAddresses = (api: string, kubeconfigPath: string, productPage: string | undefined): Pick<StartedCluster, 'urls' | 'env'> => ({
  urls: { api, ...(productPage ? { productPage } : {}) },
  env: { KUBECONFIG: kubeconfigPath, ...(productPage ? { PRODUCT_PAGE_SERVICE_BASE_URL: productPage } : {}) },
})
