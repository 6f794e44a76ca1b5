import { describe, expect, it } from 'vitest'
import { Store } from '../store/store.js'
import { ClusterView, WATCHED } from './cluster-view.js'

const virtualService = (name: string) => ({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name, namespace: 'default' }, spec: { hosts: [name] } })

describe('ClusterView.derive', () => {
  it('computes once per change of its table, and again after a change', () => {
    const store = new Store()
    const view = new ClusterView(store)
    let computed = 0
    const names = () => view.derive(WATCHED.virtualServices, 'names', () => (computed++, view.list(WATCHED.virtualServices).map((object) => object.metadata.name)))
    expect(names()).toEqual([])
    expect(names()).toEqual([])
    expect(computed).toBe(1)
    store.create(WATCHED.virtualServices, virtualService('reviews'))
    expect(names()).toEqual(['reviews'])
    expect(computed).toBe(2)
    store.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' } })
    expect(names()).toEqual(['reviews'])
    expect(computed).toBe(2)
    view.close()
  })
})
