import { describe, expect, it } from 'vitest'
import { driverCatalog, istio, k8s } from '../drivers/index.js'
import { validateExperiment } from '../run/validate-experiment.js'
import { fault, http, steadyState, toExperiment } from './index.js'

describe('an exported code-first experiment', () => {
  const experiment = toExperiment({
    title: 'bookinfo survives a node drain and reviews latency',
    steadyState: steadyState('bookinfo is healthy', [
      k8s.allPodsHealthy({ ns: 'bookinfo' }),
      http.probe('product page answers in time', { path: '/productpage', timeout: '1s', tolerance: 200 }),
    ]),
    fault: fault('drain one node, delay reviews', {
      actions: [
        k8s.drainNodes({ count: 1, deletePodsWithLocalStorage: true }),
        istio.addDelayFault({ virtualService: 'reviews', ns: 'bookinfo', fixedDelay: '5s', percentage: 100, routes: [{ destination: { host: 'reviews', subset: 'v3' } }] }),
      ],
      rollbacks: [k8s.uncordonNode(), istio.removeDelayFault({ virtualService: 'reviews', ns: 'bookinfo', routes: [{ destination: { host: 'reviews', subset: 'v3' } }] })],
      pauses: { after: '2s' },
    }),
  })

  it('is a valid Chaos Toolkit experiment for the engine, with the product page URL read from the environment', () => {
    const document: unknown = JSON.parse(experiment)
    expect(validateExperiment(document, { catalog: driverCatalog, env: { PRODUCT_PAGE_SERVICE_BASE_URL: 'http://127.0.0.1:9080' } })).toEqual([])
  })

  it('reports the missing environment variable instead of hard-coding a URL', () => {
    const issues = validateExperiment(JSON.parse(experiment), { catalog: driverCatalog, env: {} })
    expect(issues.map((issue) => issue.message).join('\n')).toContain('PRODUCT_PAGE_SERVICE_BASE_URL')
  })
})
