import { describe, expect, it } from 'vitest'
import { Store } from '../../store/store.js'
import { applyManifests, manifestResourceKey } from './apply-manifests.js'
import { readBookinfoManifests } from './manifest-files.js'

describe('applyManifests', () => {
  it('maps apiVersion and kind to store keys', () => {
    expect(manifestResourceKey('apps/v1', 'Deployment')).toBe('apps/deployments')
    expect(manifestResourceKey('v1', 'ServiceAccount')).toBe('serviceaccounts')
    expect(manifestResourceKey('networking.istio.io/v1', 'DestinationRule')).toBe('networking.istio.io/destinationrules')
    expect(manifestResourceKey('v1', 'Endpoints')).toBe('endpoints')
  })

  it('deploys the default bookinfo files: the seed setup in namespace bookinfo', async () => {
    const store = new Store()
    for (const { path, text } of await readBookinfoManifests()) applyManifests(store, text, { source: path })
    expect(store.list('namespaces').map((object) => object.metadata.name)).toEqual(['bookinfo'])
    expect(store.list('apps/deployments', 'bookinfo').map((object) => `${object.metadata.name}×${(object.spec as { replicas: number }).replicas}`)).toEqual([
      'details-v1×1', 'mongodb-v1×1', 'productpage-v1×1', 'ratings-v1×1', 'ratings-v2×6', 'reviews-v1×1', 'reviews-v2×1', 'reviews-v3×1',
    ])
    expect(store.list('services', 'bookinfo').map((object) => object.metadata.name)).toEqual(['details', 'mongodb', 'productpage', 'ratings', 'reviews'])
    const reviews = store.get('networking.istio.io/virtualservices', 'bookinfo', 'reviews')
    expect(reviews?.spec).toEqual({ hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v3' } }] }] })
    expect(store.get('networking.istio.io/gateways', 'bookinfo', 'bookinfo-gateway')).toBeDefined()
  })

  it('replaces the spec of an object that exists, keeping its uid, and reports bad documents with their position', () => {
    const store = new Store()
    const [first] = applyManifests(store, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "1"}\n')
    const [second] = applyManifests(store, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "2"}\n')
    expect(second?.metadata.uid).toBe(first?.metadata.uid)
    expect(second?.metadata.namespace).toBe('default')
    expect(store.get('configmaps', 'default', 'a')?.data).toEqual({ x: '2' })
    expect(() => applyManifests(store, '---\nkind: Thing\n', { source: 'x.yaml' })).toThrow('x.yaml document 1 is not a Kubernetes object')
  })
})
