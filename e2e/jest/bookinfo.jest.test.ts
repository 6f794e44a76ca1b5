// The Jest surface against the emulated cluster: the same chaosTest, matchers and Chaos Toolkit files as under Vitest.
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node'
import { describe } from '@jest/globals'
import { fault, http, k8s, steadyState } from '../../src/index.js'
import { chaosTest, expect } from '../../src/jest/index.js'

const NS = 'bookinfo'
const bookinfoIsHealthy = steadyState('bookinfo is healthy', [
  k8s.allPodsHealthy({ ns: NS, activityName: 'all-bookinfo-pods-healthy' }),
  http.probe('product-page-answers-in-time', { path: '/productpage', timeout: '1s', tolerance: 200 }),
])

describe('vitest-chaos/jest', () => {
  chaosTest('bookinfo stays steady while half the ratings v2 pods are terminated', async ({ chaos }) => {
    const killHalf = fault('terminate half the ratings v2 pods', {
      actions: [k8s.terminatePods({ ns: NS, labelSelector: 'app=ratings', namePattern: 'ratings-v2', rand: true, mode: 'percentage', qty: 50 })],
    })
    await expect(bookinfoIsHealthy).toStaySteadyDuring(killHalf, { load: { path: '/productpage', connections: 2, rate: 20 }, slo: { errorRate: 0.02 }, recoverWithin: '30s' })
    const journal = await chaos.run({ title: 'bookinfo is still healthy', steadyState: bookinfoIsHealthy })
    expect(journal).toBeSteady()
  })

  const isCordoned = async (kubeconfig: string, name: string) => {
    const kc = new KubeConfig()
    kc.loadFromString(kubeconfig)
    return (await kc.makeApiClient(CoreV1Api).readNode({ name })).spec?.unschedulable === true
  }
  let cordonedWhenItTimedOut = false

  chaosTest.failing('times out with chaos-worker3 cordoned (rolled back by afterEach)', async ({ chaos, cluster }) => {
    await chaos.inject(fault('cordon chaos-worker3', { actions: [k8s.cordonNode({ name: 'chaos-worker3' })], rollbacks: [k8s.uncordonNode({ name: 'chaos-worker3' })] }))
    cordonedWhenItTimedOut = await isCordoned(cluster!.kubeconfig, 'chaos-worker3')
    await new Promise(() => undefined)
  }, 2_000)

  chaosTest('finds chaos-worker3 uncordoned after the timed-out test', async ({ cluster }) => {
    expect([cordonedWhenItTimedOut, await isCordoned(cluster!.kubeconfig, 'chaos-worker3')]).toEqual([true, false])
  })

  // strict, as every test-API run: the latency makes the 1 s curl probe miss, so the run deviates, and the fault is rolled back
  chaosTest.experiment('fixtures/experiments/reviews-latency.json', { expect: 'deviated' })

  chaosTest('finds the reviews VirtualService without its delay after the latency experiment', async ({ cluster }) => {
    const kc = new KubeConfig()
    kc.loadFromString(cluster!.kubeconfig)
    const reviews = (await kc.makeApiClient(CustomObjectsApi).getNamespacedCustomObject({
      group: 'networking.istio.io', version: 'v1', namespace: NS, plural: 'virtualservices', name: 'reviews',
    })) as { spec: { http: Array<{ fault?: unknown }> } }
    expect(reviews.spec.http.map((route) => route.fault)).toEqual([undefined])
  })
})
