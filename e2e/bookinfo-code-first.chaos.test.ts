// The seed article's four experiments written in code, with load and SLOs, against the emulated cluster.
// Unlike the article's files, the hypotheses check the bookinfo namespace and the product page.
import { describe } from 'vitest'
import { fault, http, istio, k8s, steadyState } from '../src/index.js'
import { chaosTest, expect } from '../src/vitest/index.js'
import { requireIstio } from './support/require-istio.js'

const NS = 'bookinfo'
const load = { path: '/productpage', connections: 4, rate: 40 }
const productPageAnswers = http.probe('product-page-answers-in-time', { path: '/productpage', timeout: '1s', tolerance: 200 })

const bookinfoIsHealthy = steadyState('bookinfo is healthy', [k8s.allPodsHealthy({ ns: NS, activityName: 'all-bookinfo-pods-healthy' }), productPageAnswers])

const ratingsV2IsAvailable = steadyState('ratings v2 is available and the page answers', [
  k8s.deploymentAvailableAndHealthy({ name: 'ratings-v2', ns: NS, activityName: 'ratings-v2-available' }),
  productPageAnswers,
])

describe('experiment 1: drain a node', () => {
  const drainNode = fault('drain one node', {
    actions: [k8s.drainNodes({ count: 1, deletePodsWithLocalStorage: true })],
    rollbacks: [k8s.uncordonNode()],
  })

  // bookinfo runs one productpage: were it on the drained node, the page would be down until its replacement is ready
  // (a real outage, and a load-dependent one). With two, spread over two nodes, a drain must cost no request.
  const twoProductPages = fault('productpage runs two replicas', {
    actions: [k8s.scaleDeployment({ name: 'productpage-v1', ns: NS, replicas: 2 }), k8s.deploymentFullyAvailable({ name: 'productpage-v1', ns: NS, timeout: 60 })],
    rollbacks: [k8s.scaleDeployment({ name: 'productpage-v1', ns: NS, replicas: 1 })],
  })

  chaosTest('with two productpage replicas, bookinfo stays steady and within its SLO while a node is drained', async ({ chaos }) => {
    expect((await chaos.inject(twoProductPages)).status).toBe('completed')
    await expect(bookinfoIsHealthy).toStaySteadyDuring(drainNode, { load, slo: { p99: '2s', errorRate: 0.02 }, recoverWithin: '30s' })
  })
})

describe('experiment 2: terminate half of the ratings v2 pods', () => {
  const killHalf = fault('terminate half the ratings v2 pods', {
    actions: [k8s.terminatePods({ ns: NS, labelSelector: 'app=ratings', namePattern: 'ratings-v2', rand: true, mode: 'percentage', qty: 50 })],
  })

  chaosTest('ratings v2 recovers and the page keeps answering', async () => {
    await expect(ratingsV2IsAvailable).toStaySteadyDuring(killHalf, { load, slo: { p99: '2s', errorRate: 0.02 }, recoverWithin: '30s' })
  })
})

describe('experiment 3: terminate every ratings pod', () => {
  const killAll = fault('terminate every ratings pod', {
    actions: [k8s.terminatePods({ ns: NS, labelSelector: 'app=ratings', all: true })],
  })

  chaosTest('ratings is replaced within 30 s and the page never fails meanwhile', async ({ task }) => {
    await expect(ratingsV2IsAvailable).toStaySteadyDuring(killAll, { load, slo: { errorRate: 0 }, recoverWithin: '30s' })
    const killed = task.meta.chaos!.runs[0]!.journal.run[0]!.output as string[]
    expect(killed.filter((pod) => pod.startsWith('ratings-v1-')).length).toBeGreaterThan(0)
    expect(killed.filter((pod) => pod.startsWith('ratings-v2-')).length).toBeGreaterThan(0)
  })
})

describe('experiment 4: 5 s of latency on reviews v3', () => {
  const reviewsV3 = { virtualService: 'reviews', ns: NS, routes: [{ destination: { host: 'reviews', subset: 'v3' } }] }
  const reviewsLatency = fault('delay reviews v3 by 5 s', {
    actions: [istio.addDelayFault({ ...reviewsV3, fixedDelay: '5s', percentage: 100 })],
    rollbacks: [istio.removeDelayFault(reviewsV3)],
  })

  chaosTest('the product page no longer answers within 1 s (a real weakness), and the fault is removed afterwards', async ({ chaos, cluster, skip, task }) => {
    requireIstio(cluster, skip)
    await expect(bookinfoIsHealthy).not.toStaySteadyDuring(reviewsLatency)
    const journal = task.meta.chaos!.runs[0]!.journal
    expect(journal.steady_states.after!.probes.map((run) => [run.activity.name, run.tolerance_met])).toEqual([
      ['all-bookinfo-pods-healthy', true],
      ['product-page-answers-in-time', false],
    ])
    expect(journal.rollbacks.map((run) => [run.activity.name, run.status])).toEqual([['remove-delay-fault', 'succeeded']])
    expect(await chaos.run({ title: 'bookinfo answers in time again', steadyState: bookinfoIsHealthy })).toBeSteady()
  })
})
