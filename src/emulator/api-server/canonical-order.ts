// Built-in objects come back in Go struct field order; custom resources with every key sorted.

interface Shape {
  order?: string[]
  fields?: Record<string, Shape>
  /** Applies to every element of an array, or every value of a map. */
  each?: Shape
  /** `order` lists every field of the Go type: anything else is an unknown field the decoder drops. */
  closed?: true
}

const META: Shape = {
  order: ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'],
  fields: { ownerReferences: { each: { order: ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'] } } },
}
const CONDITION = { order: ['type', 'status', 'observedGeneration', 'lastProbeTime', 'lastHeartbeatTime', 'lastUpdateTime', 'lastTransitionTime', 'reason', 'message'] }
const CONTAINER: Shape = {
  closed: true,
  order: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty', 'resizePolicy', 'restartPolicy'],
  fields: {
    ports: { each: { order: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'] } },
    env: { each: { order: ['name', 'value', 'valueFrom'] } },
    volumeMounts: { each: { order: ['name', 'readOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr'] } },
  },
}
const POD_SPEC: Shape = {
  closed: true,
  order: ['volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints', 'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources'],
  fields: {
    containers: { each: CONTAINER },
    initContainers: { each: CONTAINER },
    tolerations: { each: { order: ['key', 'operator', 'value', 'effect', 'tolerationSeconds'] } },
  },
}
const TEMPLATE: Shape = { order: ['metadata', 'spec'], fields: { metadata: META, spec: POD_SPEC } }
const TOP = ['kind', 'apiVersion', 'metadata', 'spec', 'status']

const SHAPES: Record<string, Shape> = {
  Pod: {
    order: TOP,
    fields: {
      metadata: META,
      spec: POD_SPEC,
      status: {
        order: ['phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass', 'ephemeralContainerStatuses'],
        fields: { conditions: { each: CONDITION } },
      },
    },
  },
  Deployment: {
    order: TOP,
    fields: {
      metadata: META,
      spec: {
        closed: true,
        order: ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'],
        fields: { template: TEMPLATE, strategy: { order: ['type', 'rollingUpdate'], fields: { rollingUpdate: { order: ['maxUnavailable', 'maxSurge'] } } } },
      },
      status: {
        order: ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'conditions', 'collisionCount'],
        fields: { conditions: { each: CONDITION } },
      },
    },
  },
  ReplicaSet: {
    order: TOP,
    fields: {
      metadata: META,
      spec: { closed: true, order: ['replicas', 'minReadySeconds', 'selector', 'template'], fields: { template: TEMPLATE } },
      status: { order: ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration', 'conditions'] },
    },
  },
  DaemonSet: {
    order: TOP,
    fields: { metadata: META, spec: { order: ['selector', 'template', 'updateStrategy', 'minReadySeconds', 'revisionHistoryLimit'], fields: { template: TEMPLATE } } },
  },
  Service: {
    order: TOP,
    fields: {
      metadata: META,
      spec: {
        order: ['ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy'],
        fields: { ports: { each: { order: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'] } } },
      },
    },
  },
  Node: { order: TOP, fields: { metadata: META, spec: { order: ['podCIDR', 'podCIDRs', 'providerID', 'unschedulable', 'taints'] } } },
  Namespace: { order: TOP, fields: { metadata: META } },
  PodDisruptionBudget: {
    order: TOP,
    fields: {
      metadata: META,
      spec: { order: ['minAvailable', 'selector', 'maxUnavailable', 'unhealthyPodEvictionPolicy'] },
      status: { order: ['observedGeneration', 'disruptedPods', 'disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods', 'conditions'] },
    },
  },
  Endpoints: { order: ['kind', 'apiVersion', 'metadata', 'subsets'], fields: { metadata: META } },
  EndpointSlice: {
    order: ['kind', 'apiVersion', 'metadata', 'addressType', 'endpoints', 'ports'],
    fields: {
      metadata: META,
      endpoints: {
        each: {
          order: ['addresses', 'conditions', 'hostname', 'targetRef', 'deprecatedTopology', 'nodeName', 'zone', 'hints'],
          fields: { conditions: { order: ['ready', 'serving', 'terminating'] }, targetRef: { order: ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'] } },
        },
      },
      ports: { each: { order: ['name', 'protocol', 'port', 'appProtocol'] } },
    },
  },
  ConfigMap: { order: ['kind', 'apiVersion', 'metadata', 'immutable', 'data', 'binaryData'], fields: { metadata: META } },
  Secret: { order: ['kind', 'apiVersion', 'metadata', 'immutable', 'data', 'stringData', 'type'], fields: { metadata: META } },
  Lease: {
    order: TOP,
    fields: { metadata: META, spec: { closed: true, order: ['holderIdentity', 'leaseDurationSeconds', 'acquireTime', 'renewTime', 'leaseTransitions'] } },
  },
  ServiceAccount: { order: ['kind', 'apiVersion', 'metadata', 'secrets', 'imagePullSecrets', 'automountServiceAccountToken'], fields: { metadata: META } },
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const reorder = (value: unknown, shape: Shape | undefined): unknown => {
  if (!shape) return value
  if (Array.isArray(value)) return shape.each ? value.map((item) => reorder(item, shape.each)) : value
  if (!isObject(value)) return value
  if (shape.each && !shape.order) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reorder(item, shape.each)]))
  const result: Record<string, unknown> = {}
  for (const key of shape.order ?? []) if (key in value) result[key] = reorder(value[key], shape.fields?.[key])
  for (const [key, item] of Object.entries(value)) if (!(key in result)) result[key] = reorder(item, shape.fields?.[key])
  return result
}

/** The object with keys in the order kube-apiserver writes that kind (unknown keys keep their place at the end). */
export const orderBuiltIn = <T>(object: T, kind: string): T =>
  reorder(object, SHAPES[kind] ?? { order: TOP, fields: { metadata: META } }) as T

const prune = (value: unknown, shape: Shape | undefined): unknown => {
  if (!shape) return value
  if (Array.isArray(value)) return shape.each ? value.map((item) => prune(item, shape.each)) : value
  if (!isObject(value)) return value
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (shape.closed && !shape.order?.includes(key)) continue
    result[key] = prune(item, shape.fields?.[key])
  }
  return result
}

/** Drops fields a built-in kind does not have (the real decoder ignores them; `fieldValidation` is not honoured, as in 1.24). */
export const pruneUnknownFields = <T>(object: T, kind: string): T => prune(object, SHAPES[kind]) as T

/** Every object key sorted, as unstructured JSON comes back from a CRD-backed resource. */
export const sortKeysDeep = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(sortKeysDeep) as T
  if (!isObject(value)) return value
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeysDeep(value[key])])) as T
}
