import { describe, expect, it } from 'vitest'
import type { Probe } from '../../experiment/types.js'
import { probedCollections } from './probed-collections.js'

const python = (module: string, func: string): Probe => ({ type: 'probe', name: func, tolerance: true, provider: { type: 'python', module, func } })

describe('probedCollections', () => {
  it('maps chaosk8s and chaosistio probes to the collections they read, once each', () => {
    expect(probedCollections([
      python('chaosk8s.pod.probes', 'all_pods_healthy'),
      python('chaosk8s.probes', 'deployment_available_and_healthy'),
      python('chaosk8s.service.probes', 'service_is_initialized'),
      python('chaosk8s.node.probes', 'get_nodes'),
      python('chaosistio.fault.probes', 'get_virtual_service'),
      python('chaosk8s.probes', 'pod_is_not_available'),
    ])).toEqual(['/api/v1/pods', '/apis/apps/v1/deployments', '/api/v1/endpoints', '/api/v1/nodes', '/apis/networking.istio.io/v1alpha3/virtualservices'])
  })

  it('finds nothing to watch for http, process and other python probes', () => {
    expect(probedCollections([
      { type: 'probe', name: 'page', tolerance: 200, provider: { type: 'http', url: 'http://127.0.0.1:1/' } },
      python('vitest-chaos.builtins', 'read_env'),
    ])).toEqual([])
  })
})
