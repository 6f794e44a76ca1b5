import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Experiment } from '../../experiment/types.js'
import { driverCatalog } from '../catalog.js'
import { k8s } from './builders.js'

const seed = (file: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/experiments/${file}`, import.meta.url), 'utf8')) as Experiment

describe('k8s builders', () => {
  it('build the drain action and uncordon rollback exactly as the seed file holds them', () => {
    const experiment = seed('drain-nodes-with-rollback.json')
    expect(k8s.drainNodes({ activityName: 'drain-nodes', deletePodsWithLocalStorage: true, count: 1, pauses: { after: 20 } })).toEqual(experiment.method[0])
    expect(k8s.uncordonNode()).toEqual(experiment.rollbacks![0])
  })

  it('build the terminate_pods action and the deployment probe of the 50 % experiment', () => {
    const experiment = seed('terminate-half-ratings-v2.json')
    const action = k8s.terminatePods({ activityName: 'terminate-ratings-pod', ns: 'bookinfo', labelSelector: 'app=ratings', namePattern: 'ratings-v2', rand: true, mode: 'percentage', qty: 50, pauses: { after: 20 } })
    expect(action).toEqual(experiment.method[0])
    const probe = k8s.deploymentAvailableAndHealthy({ activityName: 'all-our-ratings-v2-microservices-should-be-healthy', ns: 'bookinfo', name: 'ratings-v2' })
    expect({ ...probe, provider: { ...probe.provider, module: 'chaosk8s.probes' } }).toEqual(experiment['steady-state-hypothesis']!.probes![0])
  })

  it('build an all_pods_healthy probe with tolerance true and only the arguments given', () => {
    expect(k8s.allPodsHealthy({ ns: 'bookinfo' })).toEqual({
      type: 'probe',
      name: 'all-pods-healthy',
      tolerance: true,
      provider: { type: 'python', module: 'chaosk8s.pod.probes', func: 'all_pods_healthy', arguments: { ns: 'bookinfo' } },
    })
  })

  it('only name arguments the catalog function accepts, so every built activity binds', () => {
    const built = [
      k8s.allPodsHealthy({ ns: 'a', raiseOnAnyUnhealthy: false }),
      k8s.podsInPhase({ labelSelector: 'app=x', phase: 'Running', ns: 'a' }),
      k8s.countPods({ labelSelector: 'app=x', phase: 'Running', ns: 'a' }),
      k8s.deploymentAvailableAndHealthy({ name: 'x', ns: 'a', labelSelector: 'l=1' }),
      k8s.deploymentFullyAvailable({ name: 'x', ns: 'a', timeout: 5 }),
      k8s.allNodesMustBeReadyToSchedule({ labelSelector: 'a=b' }),
      k8s.drainNodes({ name: 'n', labelSelector: 'a=b', deletePodsWithLocalStorage: true, timeout: 1, count: 1, podLabelSelector: 'x=y', podNamespace: 'a' }),
      k8s.cordonNode({ name: 'n' }),
      k8s.uncordonNode({ labelSelector: 'a=b' }),
      k8s.terminatePods({ labelSelector: 'a', namePattern: 'b', all: true, rand: true, mode: 'fixed', qty: 1, gracePeriod: 0, ns: 'a', order: 'oldest' }),
      k8s.scaleDeployment({ name: 'x', replicas: 2, ns: 'a' }),
      k8s.rolloutDeployment({ name: 'x', ns: 'a' }),
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
