/**
 * The default bookinfo deployment, in apply order, relative to the package root: the seed article's setup (namespace
 * `bookinfo`, ratings-v2 × 6 with MongoDB, reviews → v3 and the rest → v1) and its Istio rules, which only a cluster
 * with Istio gets. The emulator deploys the same list (`src/kube/bookinfo-manifests.test.ts` keeps them equal).
 */
export const BOOKINFO_WORKLOAD_MANIFESTS = ['fixtures/bookinfo/bookinfo.yaml', 'fixtures/bookinfo/bookinfo-db.yaml', 'fixtures/bookinfo/bookinfo-ratings-v2.yaml'] as const

export const BOOKINFO_ISTIO_MANIFESTS = ['fixtures/istio/destination-rule-all.yaml', 'fixtures/istio/virtual-service-reviews-v3.yaml', 'fixtures/istio/bookinfo-gateway.yaml'] as const

export const BOOKINFO_NAMESPACE = 'bookinfo'
