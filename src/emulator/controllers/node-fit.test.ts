import { describe, expect, it } from 'vitest'
import type { Node, Pod } from './kube-types.js'
import { unschedulableMessage, whyUnfit } from './node-fit.js'

const node = (name: string, spec: Node['spec'] = {}, labels: Record<string, string> = {}): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
  spec,
})
const pod = (spec: Partial<Pod['spec']> = {}): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], ...spec } })
const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }

describe('whyUnfit', () => {
  it('rejects cordoned nodes unless the pod tolerates node.kubernetes.io/unschedulable', () => {
    const cordoned = node('w', { unschedulable: true })
    expect(whyUnfit(pod(), cordoned)).toEqual({ kind: 'unschedulable' })
    expect(whyUnfit(pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }), cordoned)).toBeUndefined()
  })

  it('rejects untolerated NoSchedule taints but not PreferNoSchedule ones', () => {
    expect(whyUnfit(pod(), node('cp', { taints: [CONTROL_PLANE_TAINT] }))).toEqual({ kind: 'taint', taint: CONTROL_PLANE_TAINT })
    expect(whyUnfit(pod({ tolerations: [{ operator: 'Exists' }] }), node('cp', { taints: [CONTROL_PLANE_TAINT] }))).toBeUndefined()
    expect(whyUnfit(pod(), node('w', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }))).toBeUndefined()
  })

  it('honours nodeSelector and required node affinity on labels and metadata.name', () => {
    expect(whyUnfit(pod({ nodeSelector: { disk: 'ssd' } }), node('w', {}, { disk: 'hdd' }))).toEqual({ kind: 'affinity' })
    const pinned = pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w2'] }] }] } } } })
    expect(whyUnfit(pinned, node('w1'))).toEqual({ kind: 'affinity' })
    expect(whyUnfit(pinned, node('w2'))).toBeUndefined()
  })
})

describe('unschedulableMessage', () => {
  it('reads like the scheduler FitError, reasons sorted', () => {
    expect(unschedulableMessage(4, [{ kind: 'taint', taint: CONTROL_PLANE_TAINT }, { kind: 'unschedulable' }, { kind: 'unschedulable' }, { kind: 'unschedulable' }])).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    )
  })
})
