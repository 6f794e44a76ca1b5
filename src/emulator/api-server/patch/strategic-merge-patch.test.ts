import { describe, expect, it } from 'vitest'
import { applyStrategicMergePatch } from './strategic-merge-patch.js'

describe('applyStrategicMergePatch merge keys', () => {
  it("merges a Service's spec.ports by port", () => {
    const service = { spec: { ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] } }
    const patched = applyStrategicMergePatch('Service', service, { spec: { ports: [{ port: 443, targetPort: 8443 }] } })
    expect(patched).toEqual({ spec: { ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https', targetPort: 8443 }] } })
  })

  it("merges a container's ports by containerPort, in a Service-less kind and inside a list item", () => {
    const pod = { spec: { containers: [{ name: 'app', ports: [{ containerPort: 8080, name: 'a' }, { containerPort: 9090 }] }] } }
    const patched = applyStrategicMergePatch('Pod', pod, { spec: { containers: [{ name: 'app', ports: [{ containerPort: 9090, name: 'metrics' }] }] } })
    expect(patched).toEqual({ spec: { containers: [{ name: 'app', ports: [{ containerPort: 8080, name: 'a' }, { containerPort: 9090, name: 'metrics' }] }] } })
  })

  it("merges a Node's status.addresses by type", () => {
    const node = { status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'Hostname', address: 'a' }] } }
    const patched = applyStrategicMergePatch('Node', node, { status: { addresses: [{ type: 'Hostname', address: 'b' }] } })
    expect(patched).toEqual({ status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'Hostname', address: 'b' }] } })
  })

  it('replaces an addresses list outside status', () => {
    const slice = { endpoints: [{ addresses: ['10.0.0.1', '10.0.0.2'] }], spec: { addresses: [{ type: 'x', address: '1' }] } }
    const patched = applyStrategicMergePatch('EndpointSlice', slice, { spec: { addresses: [{ type: 'y', address: '2' }] } })
    expect(patched).toEqual({ endpoints: [{ addresses: ['10.0.0.1', '10.0.0.2'] }], spec: { addresses: [{ type: 'y', address: '2' }] } })
  })
})
