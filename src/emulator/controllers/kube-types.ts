// The slices of built-in kinds that controllers and the kubelet read and write.
import type { KubeObject } from '../store/kube-object.js'
import type { LabelSelector } from './label-selector.js'

export interface Condition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason?: string
  message?: string
  lastProbeTime?: string | null
  lastTransitionTime?: string
  lastUpdateTime?: string
  lastHeartbeatTime?: string
  observedGeneration?: number
}

export interface Toleration {
  key?: string
  operator?: 'Exists' | 'Equal'
  value?: string
  effect?: string
  tolerationSeconds?: number
}

export interface Taint {
  key: string
  value?: string
  effect: string
  timeAdded?: string
}

export interface Probe {
  httpGet?: { path?: string; port: number | string; scheme?: string }
  tcpSocket?: { port: number | string }
  initialDelaySeconds?: number
  periodSeconds?: number
  timeoutSeconds?: number
  failureThreshold?: number
  successThreshold?: number
}

export interface Container {
  name: string
  image: string
  env?: { name: string; value?: string }[]
  ports?: { containerPort: number; name?: string; protocol?: string }[]
  readinessProbe?: Probe
  livenessProbe?: Probe
  [key: string]: unknown
}

export interface PodSpec {
  containers: Container[]
  nodeName?: string
  nodeSelector?: Record<string, string>
  tolerations?: Toleration[]
  affinity?: { nodeAffinity?: NodeAffinity }
  restartPolicy?: 'Always' | 'OnFailure' | 'Never'
  terminationGracePeriodSeconds?: number
  schedulerName?: string
  hostNetwork?: boolean
  volumes?: unknown[]
  [key: string]: unknown
}

export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: {
    nodeSelectorTerms: { matchFields?: NodeSelectorRequirement[]; matchExpressions?: NodeSelectorRequirement[] }[]
  }
}

export interface NodeSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}

export interface PodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'
  conditions?: Condition[]
  [key: string]: unknown
}

export interface Pod extends KubeObject {
  spec: PodSpec
  status?: PodStatus
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [key: string]: unknown }
  spec: PodSpec
}

export interface Workload extends KubeObject {
  spec: {
    replicas?: number
    selector?: LabelSelector
    template: PodTemplate
    minReadySeconds?: number
    [key: string]: unknown
  }
  status?: Record<string, unknown>
}

export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: Taint[]; podCIDR?: string; [key: string]: unknown }
  status?: { conditions?: Condition[]; addresses?: { type: string; address: string }[]; [key: string]: unknown }
}
