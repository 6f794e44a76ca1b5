// deployments/scale: an autoscaling/v1 Scale view over spec.replicas.
import type { KubeObject } from '../store/kube-object.js'
import { formatSelectorObject, type LabelSelectorObject } from './label-selector.js'

interface WorkloadSpec {
  replicas?: number
  selector?: LabelSelectorObject
}

export const scaleOf = (workload: KubeObject): KubeObject => {
  const spec = (workload.spec ?? {}) as WorkloadSpec
  const { name, namespace, uid, resourceVersion, creationTimestamp } = workload.metadata
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: (workload.status as { replicas?: number } | undefined)?.replicas ?? 0, selector: formatSelectorObject(spec.selector) },
  }
}

/** The workload with the replicas a (patched or PUT) Scale asks for, carrying its resourceVersion precondition. */
export const applyScale = (workload: KubeObject, scale: KubeObject): KubeObject => {
  const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas
  return {
    ...workload,
    metadata: { ...workload.metadata, resourceVersion: scale.metadata?.resourceVersion ?? workload.metadata.resourceVersion },
    spec: { ...(workload.spec as object), replicas: typeof replicas === 'number' ? replicas : 0 },
  }
}
