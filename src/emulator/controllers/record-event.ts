// core/v1 Events so `kubectl get events` and `kubectl describe` show what the controllers did.
import { randomBytes } from 'node:crypto'
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { kubeMicroNow, kubeNow } from '../store/kube-time.js'

export interface EventSource {
  component: string
  host?: string
}

export interface EventInput {
  involved: KubeObject
  reason: string
  message: string
  source: EventSource
  type?: 'Normal' | 'Warning'
}

export interface EventRecorder {
  /** Records an event; a repeat of the same reason and message on the same object bumps `count` instead. */
  record(input: EventInput): void
  /** The scheduler writes events.k8s.io-style events: no first/last timestamps, an `eventTime` and an action. */
  recordScheduling(pod: KubeObject, reason: 'Scheduled' | 'FailedScheduling', message: string): void
}

const MAX_EVENTS = 1000

const referenceTo = (object: KubeObject) => ({
  kind: object.kind,
  ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
  name: object.metadata.name,
  uid: object.metadata.uid,
  apiVersion: object.apiVersion,
  ...(object.metadata.resourceVersion ? { resourceVersion: object.metadata.resourceVersion } : {}),
})

/** Keeps at most 1000 events, dropping the oldest it wrote. */
export const createEventRecorder = (store: Store): EventRecorder => {
  const written: { namespace: string; name: string; key: string }[] = []
  const byKey = new Map<string, { namespace: string; name: string }>()

  const write = (namespace: string, involvedName: string, key: string, body: Record<string, unknown>) => {
    if (written.length >= MAX_EVENTS) {
      const oldest = written.shift()
      if (oldest) {
        byKey.delete(oldest.key)
        if (store.get('events', oldest.namespace, oldest.name)) store.remove('events', oldest.namespace, oldest.name)
      }
    }
    const name = `${involvedName}.${randomBytes(8).toString('hex')}`
    store.create('events', { apiVersion: 'v1', kind: 'Event', metadata: { name, namespace }, ...body })
    written.push({ namespace, name, key })
    byKey.set(key, { namespace, name })
  }

  return {
    record({ involved, reason, message, source, type = 'Normal' }) {
      const namespace = involved.metadata.namespace ?? 'default'
      const key = `${involved.metadata.uid}\n${reason}\n${message}`
      const now = kubeNow()
      const known = byKey.get(key)
      const repeat = known && store.get('events', known.namespace, known.name)
      if (repeat) {
        store.update('events', { ...repeat, count: (Number(repeat.count) || 1) + 1, lastTimestamp: now })
        return
      }
      write(namespace, involved.metadata.name ?? '', key, {
        involvedObject: referenceTo(involved),
        reason,
        message,
        source,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: '',
        reportingInstance: '',
      })
    },
    recordScheduling(pod, reason, message) {
      write(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '', `${pod.metadata.uid}\n${reason}\n${Math.random()}`, {
        involvedObject: referenceTo(pod),
        reason,
        message,
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
        type: reason === 'Scheduled' ? 'Normal' : 'Warning',
        eventTime: kubeMicroNow(),
        action: reason === 'Scheduled' ? 'Binding' : 'Scheduling',
        reportingComponent: 'default-scheduler',
        reportingInstance: 'default-scheduler-chaos-control-plane',
      })
    },
  }
}
