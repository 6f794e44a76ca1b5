/** A Jest config for the chaos tests (plain ESM JavaScript, so no transform is needed). */
export const JEST_CONFIG = `{
  "testMatch": ["<rootDir>/chaos/**/*.chaos.test.mjs"],
  "testEnvironment": "node",
  "transform": {},
  "reporters": ["default", "vitest-chaos/jest/reporter"]
}
`

/** What to add by hand when a Jest config already exists. */
export const JEST_CONFIG_LINES = `"reporters": ["default", "vitest-chaos/jest/reporter"]
// and make testMatch include chaos/**/*.chaos.test.mjs; run Jest with NODE_OPTIONS=--experimental-vm-modules`

/** The example chaos test for Jest. */
export const JEST_EXAMPLE_TEST = `// A first chaos test: bookinfo keeps answering while a node is drained (emulated cluster unless CHAOS_CLUSTER says otherwise).
// Run: NODE_OPTIONS=--experimental-vm-modules npx jest chaos
import { fault, http, k8s, steadyState } from 'vitest-chaos'
import { chaosTest, expect } from 'vitest-chaos/jest'

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
