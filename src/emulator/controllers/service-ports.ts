// A Service as the endpoint controllers read it, and its targetPort resolved against a pod (podutil.FindPort).
import type { KubeObject } from '../store/kube-object.js'
import type { Pod } from './kube-types.js'

export interface ServicePort {
  name?: string
  port: number
  targetPort?: number | string
  protocol?: string
  appProtocol?: string
}

export interface Service extends KubeObject {
  spec: { selector?: Record<string, string>; ports?: ServicePort[]; publishNotReadyAddresses?: boolean; clusterIP?: string }
}

/** True for a Service whose endpoints the controllers keep: one with a non-empty selector. */
export const hasSelector = (service: Service): boolean => !!service.spec.selector && Object.keys(service.spec.selector).length > 0

/** A Service's targetPort as the pod's number: a named port is looked up in the pod's containers. */
export const resolvePort = (pod: Pod, port: ServicePort): number | undefined => {
  const target = port.targetPort ?? port.port
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  for (const container of pod.spec.containers) {
    const found = container.ports?.find((p) => p.name === target)
    if (found) return found.containerPort
  }
  return undefined
}
