/** The example chaos test `init` writes: bookinfo under load while a node is drained, for Vitest or for Jest. */
export const formatExampleChaosTest = (framework: 'vitest' | 'jest'): string => `// A first chaos test: bookinfo keeps answering while a node is drained (emulated cluster unless CHAOS_CLUSTER says otherwise).
${framework === 'jest' ? '// Run: NODE_OPTIONS=--experimental-vm-modules npx jest chaos\n' : ''}import { fault, http, k8s, steadyState } from 'vitest-chaos'
import { chaosTest, expect } from 'vitest-chaos/${framework}'

const bookinfoIsHealthy = steadyState('bookinfo is healthy', [
  k8s.allPodsHealthy({ ns: 'bookinfo', activityName: 'all-bookinfo-pods-healthy' }),
  http.probe('product-page-answers-in-time', { path: '/productpage', timeout: '1s', tolerance: 200 }),
])

const drainNode = fault('drain one node', {
  actions: [k8s.drainNodes({ count: 1, deletePodsWithLocalStorage: true })],
  rollbacks: [k8s.uncordonNode()],
})

chaosTest('bookinfo stays steady and within its SLO while a node is drained', async () => {
  await expect(bookinfoIsHealthy).toStaySteadyDuring(drainNode, {
    load: { path: '/productpage', connections: 4, rate: 40 },
    // productpage runs one replica, so a few requests fail while a drain moves it: this SLO holds latency only
    slo: { p99: '2s' },
    recoverWithin: '30s',
  })
})
`
