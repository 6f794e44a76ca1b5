// JSON → protobuf → JSON for the shapes the wire mapping must get right, across every served group.
import { describe, expect, it } from 'vitest'
import { decodeProtobufObject } from './decode-protobuf-object.js'
import { encodeProtobufObject } from './encode-protobuf-object.js'
import { openEnvelope } from './protobuf-envelope.js'

const roundTrip = (object: Record<string, unknown>) => {
  const body = encodeProtobufObject(object)
  if (!body) throw new Error(`${String(object.kind)} has no protobuf message`)
  const { apiVersion, kind } = openEnvelope(body)
  return decodeProtobufObject(body, { apiVersion, kind, internalGroup: 'core' })
}

const CASES: [string, Record<string, unknown>][] = [
  [
    'apps/v1 Deployment: pointer zero replicas kept, IntOrString percentages, inline probe handler, Quantity limits, inline volume source',
    {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-12-04T10:00:00Z', labels: { app: 'web' }, annotations: { note: 'x' } },
      spec: {
        replicas: 0,
        selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx',
                resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '0' } },
                readinessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, periodSeconds: 10 },
                livenessProbe: { tcpSocket: { port: 8080 }, failureThreshold: 3 },
                securityContext: { privileged: false, runAsNonRoot: true },
              },
            ],
            volumes: [{ name: 'config', configMap: { name: 'settings', defaultMode: 420 } }],
            terminationGracePeriodSeconds: 0,
          },
        },
      },
      status: {},
    },
  ],
  [
    'events.k8s.io/v1 Event: MicroTime eventTime and series',
    {
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      metadata: { name: 'web.1', namespace: 'default', creationTimestamp: '2026-12-04T10:00:00Z' },
      eventTime: '2026-12-04T10:00:00.123456Z',
      series: { count: 2, lastObservedTime: '2026-12-04T10:00:05.000001Z' },
      reportingController: 'default-scheduler',
      reportingInstance: 'default-scheduler-chaos-control-plane',
      action: 'Binding',
      reason: 'Scheduled',
      regarding: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'u1', apiVersion: 'v1', resourceVersion: '7' },
      note: 'Successfully assigned default/web-1 to chaos-worker',
      type: 'Normal',
    },
  ],
  [
    'discovery.k8s.io/v1 EndpointSlice: pointer bools false kept',
    {
      kind: 'EndpointSlice',
      apiVersion: 'discovery.k8s.io/v1',
      metadata: { name: 'web-abcde', namespace: 'default', creationTimestamp: '2026-12-04T10:00:00Z', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.1.3'], conditions: { ready: false, serving: true, terminating: false }, nodeName: 'chaos-worker', targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'u1' } }],
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    },
  ],
  [
    'coordination.k8s.io/v1 Lease: MicroTime renewTime',
    {
      kind: 'Lease',
      apiVersion: 'coordination.k8s.io/v1',
      metadata: { name: 'chaos-worker', namespace: 'kube-node-lease', creationTimestamp: '2026-12-04T10:00:00Z' },
      spec: { holderIdentity: 'chaos-worker', leaseDurationSeconds: 40, renewTime: '2026-12-04T10:00:10.500000Z' },
    },
  ],
  ['core/v1 Secret: bytes as base64, stringData as text', { kind: 'Secret', apiVersion: 'v1', metadata: { name: 's', creationTimestamp: null }, data: { token: 'AAEC/w==' }, stringData: { a: 'b' }, type: 'Opaque' }],
  ['policy/v1 Eviction with DeleteOptions', { kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name: 'p', namespace: 'default', creationTimestamp: null }, deleteOptions: { gracePeriodSeconds: 0, preconditions: { uid: 'u1' } } }],
  ['meta/v1 DeleteOptions', { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 30, propagationPolicy: 'Foreground', dryRun: ['All'] }],
  ['autoscaling/v1 Scale', { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web', namespace: 'default', creationTimestamp: null }, spec: { replicas: 4 }, status: { replicas: 3, selector: 'app=web' } }],
  [
    'meta/v1 Status with causes',
    { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'x', reason: 'Invalid', details: { name: 'web', kind: 'Deployment', causes: [{ reason: 'FieldValueInvalid', message: 'm', field: 'spec.replicas' }] }, code: 422 },
  ],
]

describe('JSON → protobuf → JSON', () => {
  it.each(CASES)('%s', (_name, object) => {
    expect(roundTrip(object)).toEqual(object)
  })

  it('drops a zero value Go prints without it (omitempty, not a pointer), like paused: false', () => {
    const deployment = { kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'web', creationTimestamp: null }, spec: { paused: false, minReadySeconds: 0 }, status: {} }
    expect(roundTrip(deployment)).toEqual({ ...deployment, spec: {} })
  })

  it('custom resources have no protobuf message', () => {
    expect(encodeProtobufObject({ kind: 'VirtualService', apiVersion: 'networking.istio.io/v1', metadata: { name: 'r' } })).toBeUndefined()
  })
})
