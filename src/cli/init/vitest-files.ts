/** `vitest.config.ts` with a unit project (Vitest's defaults, chaos files left out) and the chaos project. */
export const VITEST_CONFIG = `import { configDefaults, defineConfig } from 'vitest/config'
import { defineChaosProject } from 'vitest-chaos/config'

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: configDefaults.include, exclude: [...configDefaults.exclude, '**/*.chaos.test.*'] } },
      // *.chaos.test.ts: timeouts that fit the cluster, forks, the chaos reporter (.chaos/journals, summary.md, report.html)
      defineChaosProject(),
    ],
  },
})
`

/** What to add by hand when a Vitest or Vite config already exists. */
export const VITEST_CONFIG_LINES = `import { defineChaosProject } from 'vitest-chaos/config'
// in test.projects (create it if the config has none, with your current settings as a first project):
      defineChaosProject(),`

/** The example chaos test: bookinfo under load while a node is drained. */
export const VITEST_EXAMPLE_TEST = `// A first chaos test: bookinfo keeps answering while a node is drained (emulated cluster unless CHAOS_CLUSTER says otherwise).
import { fault, http, k8s, steadyState } from 'vitest-chaos'
import { chaosTest, expect } from 'vitest-chaos/vitest'

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
