import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Experiment } from '../../experiment/types.js'
import { driverCatalog } from '../catalog.js'
import { istio } from './builders.js'

const experiment = JSON.parse(readFileSync(new URL('../../../fixtures/experiments/reviews-latency.json', import.meta.url), 'utf8')) as Experiment
const routes = [{ destination: { host: 'reviews', subset: 'v3' } }]

describe('istio builders', () => {
  it('build the delay fault and its rollback exactly as the seed file holds them', () => {
    const inject = istio.addDelayFault({
      activityName: 'inject-fault-for-reviews-service',
      virtualService: 'reviews',
      ns: 'bookinfo',
      fixedDelay: '5s',
      percentage: 100,
      routes,
      secrets: ['istio'],
      pauses: { after: 2 },
    })
    expect(inject).toEqual(experiment.method[0])
    const undo = istio.removeDelayFault({ activityName: 'remove-fault-for-reviews-service', virtualService: 'reviews', ns: 'bookinfo', routes, secrets: ['istio'] })
    expect(undo).toEqual(experiment.rollbacks![0])
  })

  it('only name arguments the catalog function accepts, required ones included', () => {
    const built = [
      istio.addAbortFault({ virtualService: 'r', httpStatus: 503, percentage: 50, routes, version: 'networking.istio.io/v1' }),
      istio.removeAbortFault({ virtualService: 'r', routes }),
      istio.setFault({ virtualService: 'r', routes, fault: { abort: { httpStatus: 500 } } }),
      istio.unsetFault({ virtualService: 'r', routes, ns: 'x' }),
      istio.getVirtualService({ virtualService: 'r', ns: 'x' }),
    ]
    for (const activity of built) {
      const provider = activity.provider as { module: string; func: string; arguments?: Record<string, unknown> }
      const fn = driverCatalog[provider.module]?.[provider.func]
      expect(fn, `${provider.module}.${provider.func}`).toBeDefined()
      for (const name of Object.keys(provider.arguments ?? {})) expect(fn!.params).toContain(name)
      for (const name of fn!.required) expect(Object.keys(provider.arguments ?? {})).toContain(name)
    }
  })
})
