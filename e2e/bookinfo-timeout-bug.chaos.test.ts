// A real weakness caught: bookinfo's timeout bug from Istio's fault-injection task. With jason routed to reviews v2
// (which waits 10 s for ratings) and ratings delayed 7 s, productpage gives up after 2 × 3 s: the page comes back
// after about 6 s with the reviews error, not after 7 s with the reviews.
import { readFile } from 'node:fs/promises'
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node'
import { parseAllDocuments } from 'yaml'
import { fault, http, istio, steadyState } from '../src/index.js'
import { chaosTest, expect } from '../src/vitest/index.js'
import { requireIstio } from './support/require-istio.js'

const NS = 'bookinfo'
const virtualService = (name: string) => ({ group: 'networking.istio.io', version: 'v1', namespace: NS, plural: 'virtualservices', name })

chaosTest('a 7 s ratings delay for jason breaks the page after about 6 s instead of slowing it down', async ({ cluster, skip, task, onTestFinished }) => {
  requireIstio(cluster, skip)
  const kc = new KubeConfig()
  kc.loadFromString(cluster!.kubeconfig)
  const custom = kc.makeApiClient(CustomObjectsApi)
  const original = (await custom.getNamespacedCustomObject(virtualService('reviews'))) as { spec: unknown }
  const [jasonToV2] = parseAllDocuments(await readFile('fixtures/istio/virtual-service-reviews-test-v2.yaml', 'utf8')).map((doc) => doc.toJS() as { spec: unknown })
  await custom.patchNamespacedCustomObject({ ...virtualService('reviews'), body: [{ op: 'replace', path: '/spec', value: jasonToV2!.spec }] })
  onTestFinished(() => custom.patchNamespacedCustomObject({ ...virtualService('reviews'), body: [{ op: 'replace', path: '/spec', value: original.spec }] }))

  const login = await fetch(`${cluster!.urls.productPage}/login`, { method: 'POST', body: new URLSearchParams({ username: 'jason', passwd: '' }), redirect: 'manual' })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!

  const jasonSeesReviews = steadyState('jason sees the reviews', [
    http.probe('jason-product-page-with-reviews', {
      path: '/productpage',
      headers: { cookie },
      timeout: '10s',
      tolerance: { type: 'regex', pattern: 'An extremely entertaining play', target: 'body' },
    }),
  ])
  const ratingsV1 = { virtualService: 'ratings', ns: NS, routes: [{ destination: { host: 'ratings', subset: 'v1' } }] }
  const ratingsDelay = fault('ratings answers 7 s late', {
    actions: [istio.addDelayFault({ ...ratingsV1, fixedDelay: '7s', percentage: 100 })],
    rollbacks: [istio.removeDelayFault(ratingsV1)],
  })

  await expect(jasonSeesReviews).not.toStaySteadyDuring(ratingsDelay)

  const { journal } = task.meta.chaos!.runs[0]!
  const [before] = journal.steady_states.before!.probes
  const [after] = journal.steady_states.after!.probes
  expect((before!.output as { body: string }).body).toContain('glyphicon-star')
  expect((after!.output as { body: string }).body).toContain('Error fetching product reviews')
  expect((after!.output as { body: string }).body).toContain('Sorry, product reviews are currently unavailable for this book.')
  expect(after!.duration).toBeGreaterThan(5)
  expect(after!.duration).toBeLessThan(6.9)
  expect(journal.rollbacks.map((run) => run.status)).toEqual(['succeeded'])
})
