import type { Action, Probe } from '../../experiment/types.js'
import { withCheckedOptions } from '../../options/check-builders.js'
import { k8sBuilderSchemas } from '../../options/k8s-builder-schemas.js'
import { definedArguments, pythonAction, pythonProbe, type ActivityOptions, type ProbeOptions } from '../shared/python-activity.js'

/** Which nodes a node action targets; give neither `name` nor `labelSelector` to target **every** node. */
export interface NodeSelector {
  name?: string
  labelSelector?: string
}

export interface DrainNodesOptions extends NodeSelector, ActivityOptions {
  /** Evict pods with emptyDir volumes too (most of bookinfo and Istio); default false. */
  deletePodsWithLocalStorage?: boolean
  /** Seconds allowed per node for its pods to go; default 120. */
  timeout?: number
  /** Drain this many randomly picked nodes (with replacement, as chaosk8s does). */
  count?: number
  /** With `podNamespace`: only the nodes hosting pods matching this selector. */
  podLabelSelector?: string
  podNamespace?: string
}

export interface TerminatePodsOptions extends ActivityOptions {
  ns?: string
  labelSelector?: string
  /** Regular expression searched (not anchored) in pod names. */
  namePattern?: string
  /** Every matching pod, ignoring `mode` and `qty`. */
  all?: boolean
  /** Pick the pods at random. */
  rand?: boolean
  /** `qty` is a count (`fixed`, default) or a percentage rounded up. */
  mode?: 'fixed' | 'percentage'
  qty?: number
  /** Seconds; negative or absent: the pod's own grace period. */
  gracePeriod?: number
  order?: 'alphabetic' | 'oldest'
}

export interface DeploymentOptions extends ProbeOptions {
  /** The Deployment's name. */
  name: string
  ns?: string
  labelSelector?: string
}

const POD = 'chaosk8s.pod'
const NODE = 'chaosk8s.node'
const DEPLOYMENT = 'chaosk8s.deployment'

const nodeArguments = (o: NodeSelector) => definedArguments({ name: o.name, label_selector: o.labelSelector })

/**
 * Typed builders for chaosk8s activities; each returns the same Action/Probe object a Chaos Toolkit JSON file holds.
 *
 * @example
 * const drain = k8s.drainNodes({ count: 1, deletePodsWithLocalStorage: true, pauses: { after: 20 } })
 * const undo = k8s.uncordonNode()
 */
export const k8s = withCheckedOptions('k8s', {
  /** Probe: every pod of `ns` is Running or Succeeded (raises otherwise). Tolerance `true`. */
  allPodsHealthy: (o: ProbeOptions & { ns?: string; raiseOnAnyUnhealthy?: boolean } = {}): Probe =>
    pythonProbe(`${POD}.probes`, 'all_pods_healthy', definedArguments({ ns: o.ns, raise_on_any_unhealthy: o.raiseOnAnyUnhealthy }), true, o),
  /** Probe: every pod matching the selector is in `phase` (default Running). Tolerance `true`. */
  podsInPhase: (o: ProbeOptions & { labelSelector: string; phase?: string; ns?: string }): Probe =>
    pythonProbe(`${POD}.probes`, 'pods_in_phase', definedArguments({ label_selector: o.labelSelector, phase: o.phase, ns: o.ns }), true, o),
  /** Probe: the number of pods matching the selector (in `phase` when given); set a tolerance such as a range. */
  countPods: (o: ProbeOptions & { labelSelector: string; phase?: string; ns?: string }): Probe =>
    pythonProbe(`${POD}.probes`, 'count_pods', definedArguments({ label_selector: o.labelSelector, phase: o.phase, ns: o.ns }), o.tolerance ?? [0, Number.MAX_SAFE_INTEGER], o),
  /** Probe: the Deployment's available replicas equal its desired replicas. Tolerance `true`. */
  deploymentAvailableAndHealthy: (o: DeploymentOptions): Probe =>
    pythonProbe(`${DEPLOYMENT}.probes`, 'deployment_available_and_healthy', definedArguments({ name: o.name, ns: o.ns, label_selector: o.labelSelector }), true, o),
  /** Probe: waits (watching, up to `timeout` s) until every replica of the Deployment is ready. Tolerance `true`. */
  deploymentFullyAvailable: (o: DeploymentOptions & { timeout?: number }): Probe =>
    pythonProbe(`${DEPLOYMENT}.probes`, 'deployment_fully_available', definedArguments({ name: o.name, ns: o.ns, label_selector: o.labelSelector, timeout: o.timeout }), true, o),
  /** Probe: every selected node (all by default) is Ready. Tolerance `true`. */
  allNodesMustBeReadyToSchedule: (o: ProbeOptions & { labelSelector?: string } = {}): Probe =>
    pythonProbe(`${NODE}.probes`, 'all_nodes_must_be_ready_to_schedule', definedArguments({ label_selector: o.labelSelector }), true, o),
  /** Action: cordon the nodes, evict their pods through the Eviction API and wait for them to go. */
  drainNodes: (o: DrainNodesOptions = {}): Action =>
    pythonAction(`${NODE}.actions`, 'drain_nodes', definedArguments({
      ...nodeArguments(o),
      delete_pods_with_local_storage: o.deletePodsWithLocalStorage,
      timeout: o.timeout,
      count: o.count,
      pod_label_selector: o.podLabelSelector,
      pod_namespace: o.podNamespace,
    }), o),
  /** Action: mark the nodes unschedulable (no selector: every node). */
  cordonNode: (o: NodeSelector & ActivityOptions = {}): Action => pythonAction(`${NODE}.actions`, 'cordon_node', nodeArguments(o), o),
  /** Action (usually a rollback): mark the nodes schedulable again (no selector: every node). */
  uncordonNode: (o: NodeSelector & ActivityOptions = {}): Action => pythonAction(`${NODE}.actions`, 'uncordon_node', nodeArguments(o), o),
  /** Action: delete pods gracefully, selected by label and/or name pattern. */
  terminatePods: (o: TerminatePodsOptions = {}): Action =>
    pythonAction(`${POD}.actions`, 'terminate_pods', definedArguments({
      label_selector: o.labelSelector,
      name_pattern: o.namePattern,
      all: o.all,
      rand: o.rand,
      mode: o.mode,
      qty: o.qty,
      grace_period: o.gracePeriod,
      ns: o.ns,
      order: o.order,
    }), o),
  /** Action: set the Deployment's replicas. */
  scaleDeployment: (o: ActivityOptions & { name: string; replicas: number; ns?: string }): Action =>
    pythonAction(`${DEPLOYMENT}.actions`, 'scale_deployment', definedArguments({ name: o.name, replicas: o.replicas, ns: o.ns }), o),
  /** Action: restart the Deployment's pods with a rolling update. */
  rolloutDeployment: (o: ActivityOptions & { name: string; ns?: string }): Action =>
    pythonAction(`${DEPLOYMENT}.actions`, 'rollout_deployment', definedArguments({ name: o.name, ns: o.ns }), o),
}, k8sBuilderSchemas)
