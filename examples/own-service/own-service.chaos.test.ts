// Your own service in the emulated cluster: the shop (shop.mjs) runs as two local processes next to bookinfo,
// reached through bookinfo's ingress at /shop, calling bookinfo's details through the mesh.
// The same file runs unchanged on kind (CHAOS_CLUSTER=kind) once the images are built and loaded: see docs/own-service.md.
import { fileURLToPath } from 'node:url'
// in your project: from 'vitest-chaos' and 'vitest-chaos/vitest'
import { fault, http, istio, k8s, steadyState } from '../../src/index.js'
import { createChaosTest, expect } from '../../src/vitest/index.js'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))
const NS = 'bookinfo'
// image name (no registry, no tag) → the command that stands in for it on the emulated cluster; kind runs the images
const programs = {
  shop: { command: ['node', here('shop.mjs')], env: { SHOP_LISTEN_HOST: '127.0.0.1' } },
  'shop-with-fallback': { command: ['node', here('shop.mjs')], env: { SHOP_LISTEN_HOST: '127.0.0.1', SHOP_DETAILS_FALLBACK: 'on' } },
}
const shopTest = createChaosTest({ scope: 'file', cluster: { programs, manifests: [here('shop.yaml')] } })
const shopWithFallbackTest = createChaosTest({ scope: 'file', cluster: { programs, manifests: [here('shop.yaml'), here('shop-with-fallback.yaml')] } })

const shopIsHealthy = steadyState('the shop serves products', [
  k8s.deploymentAvailableAndHealthy({ name: 'shop', ns: NS, activityName: 'shop-available' }),
  http.probe('shop-answers-in-time', { path: '/shop/products/0', timeout: '3s', tolerance: 200 }),
])

const killOneShopPod = fault('kill one shop pod', {
  actions: [k8s.terminatePods({ ns: NS, labelSelector: 'app=shop', rand: true, qty: 1 })],
})

const detailsV1 = { virtualService: 'details', ns: NS, routes: [{ destination: { host: 'details', subset: 'v1' } }] }
const slowDetails = fault('details answers 2 s late, longer than the shop waits', {
  actions: [istio.addDelayFault({ ...detailsV1, fixedDelay: '2s', percentage: 100 })],
  rollbacks: [istio.removeDelayFault(detailsV1)],
})

shopTest('the shop stays steady under load when one of its pods is killed', async () => {
  await expect(shopIsHealthy).toStaySteadyDuring(killOneShopPod, {
    load: { path: '/shop/products/0', connections: 2, rate: 20 },
    slo: { errorRate: 0.02 },
    recoverWithin: '30s',
  })
})

shopTest('the shop fails when details is slower than its timeout (a real weakness)', async () => {
  await expect(shopIsHealthy).not.toStaySteadyDuring(slowDetails)
})

shopWithFallbackTest('the shop with a fallback stays steady when details is slow', async () => {
  await expect(shopIsHealthy).toStaySteadyDuring(slowDetails)
})
