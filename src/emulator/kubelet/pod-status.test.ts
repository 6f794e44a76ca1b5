import { describe, expect, it } from 'vitest'
import type { Pod } from '../controllers/kube-types.js'
import type { ContainerRecord } from './container-status.js'
import { podStatusOf } from './pod-status.js'

const pod = (restartPolicy: 'Always' | 'OnFailure' | 'Never' = 'Always', conditions: Pod['status'] = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'ratings-v1-abc', namespace: 'bookinfo', uid: 'u' },
  spec: { containers: [{ name: 'ratings', image: 'ratings:1' }], restartPolicy },
  status: conditions,
})
const record = (state: ContainerRecord['state'], ready: boolean, restartCount = 0): ContainerRecord => ({
  name: 'ratings',
  image: 'registry.istio.io/release/examples-bookinfo-ratings-v1:1.20.3',
  containerID: 'containerd://abc',
  restartCount,
  ready,
  started: 'running' in state,
  state,
  lastState: {},
})
const facts = (containers: ContainerRecord[], stopped = false) => ({ hostIP: '172.18.0.3', podIP: '10.244.1.7', startTime: '2026-01-01T10:00:00Z', containers, stopped })
type Status = { phase: string; conditions: { type: string; status: string; reason?: string; message?: string }[]; containerStatuses: Record<string, unknown>[] }

describe('podStatusOf', () => {
  it('is Pending with ContainersNotReady while the container is being created', () => {
    const status = podStatusOf(pod(), facts([record({ waiting: { reason: 'ContainerCreating' } }, false)])) as Status
    expect(status.phase).toBe('Pending')
    expect(status.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [ratings]' })
    expect(status.containerStatuses[0]).not.toHaveProperty('containerID')
    expect(status.containerStatuses[0]?.imageID).toBe('')
  })

  it('is Running and Ready with the five conditions in kubelet order, keeping DisruptionTarget', () => {
    const evicted = pod('Always', { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI' }] })
    const status = podStatusOf(evicted, facts([record({ running: { startedAt: '2026-01-01T10:00:01Z' } }, true)])) as Status
    expect(status.phase).toBe('Running')
    expect(status.conditions.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
      'DisruptionTarget=True',
    ])
    expect(status.containerStatuses[0]?.imageID).toMatch(/^registry\.istio\.io\/release\/examples-bookinfo-ratings-v1@sha256:[0-9a-f]{64}$/)
  })

  it('ends Succeeded or Failed once stopped for deletion, and Failed for a Never pod that crashed', () => {
    const done = (exitCode: number) => record({ terminated: { exitCode, reason: exitCode ? 'Error' : 'Completed', finishedAt: '2026-01-01T10:01:00Z', containerID: 'containerd://abc' } }, false)
    expect((podStatusOf(pod(), facts([done(0)], true)) as Status).phase).toBe('Succeeded')
    expect((podStatusOf(pod(), facts([done(137)], true)) as Status).phase).toBe('Failed')
    expect((podStatusOf(pod('Never'), facts([done(3)])) as Status).phase).toBe('Failed')
    expect((podStatusOf(pod('Always'), facts([done(3)])) as Status).phase).toBe('Running')
  })
})
