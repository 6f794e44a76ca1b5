import type { Action, Probe } from '../../experiment/types.js'
import { withCheckedOptions } from '../../options/check-builders.js'
import { k8sBuilderSchemas } from '../../options/k8s-builder-schemas.js'
import type { OptionsOf } from '../shared/define-activity.js'
import type { ActivityOptions, ProbeOptions } from '../shared/python-activity.js'
import { rolloutDeployment, scaleDeployment } from './deployment/actions.js'
import { deploymentAvailableAndHealthy, deploymentFullyAvailable } from './deployment/probes.js'
import { cordonNode, drainNodes, uncordonNode } from './node/actions.js'
import { allNodesMustBeReadyToSchedule } from './node/probes.js'
import { terminatePods } from './pod/actions.js'
import { allPodsHealthy, countPodsProbe, podsInPhase } from './pod/probes.js'

/** Which nodes a node action targets; give neither `name` nor `labelSelector` to target **every** node. */
export type NodeSelector = OptionsOf<typeof cordonNode>

/** The options of `k8s.drainNodes`: chaosk8s `drain_nodes`' arguments in camelCase. */
export type DrainNodesOptions = ActivityOptions & OptionsOf<typeof drainNodes>

/** The options of `k8s.terminatePods`: chaosk8s `terminate_pods`' arguments in camelCase. */
export type TerminatePodsOptions = ActivityOptions & OptionsOf<typeof terminatePods>

/** The options of the deployment probes: the Deployment's `name`, `ns` and `labelSelector`. */
export type DeploymentOptions = ProbeOptions & Pick<OptionsOf<typeof deploymentAvailableAndHealthy>, 'name' | 'ns' | 'labelSelector'>

type PodSelection = ProbeOptions & Pick<OptionsOf<typeof podsInPhase>, 'labelSelector' | 'phase' | 'ns'>

/**
 * Typed builders for chaosk8s activities; each returns the same Action/Probe object a Chaos Toolkit JSON file holds.
 *
 * @example
 * const drain = k8s.drainNodes({ count: 1, deletePodsWithLocalStorage: true, pauses: { after: 20 } })
 * const undo = k8s.uncordonNode()
 */
export const k8s = withCheckedOptions('k8s', {
  /** Probe: every pod of `ns` is Running or Succeeded (raises otherwise). Tolerance `true`. */
  allPodsHealthy: (o: ProbeOptions & OptionsOf<typeof allPodsHealthy> = {}): Probe => allPodsHealthy.probe(o, true),
  /** Probe: every pod matching the selector is in `phase` (default Running). Tolerance `true`. */
  podsInPhase: (o: PodSelection): Probe => podsInPhase.probe(o, true),
  /** Probe: the number of pods matching the selector (in `phase` when given); set a tolerance such as a range. */
  countPods: (o: PodSelection): Probe => countPodsProbe.probe(o, [0, Number.MAX_SAFE_INTEGER]),
  /** Probe: the Deployment's available replicas equal its desired replicas. Tolerance `true`. */
  deploymentAvailableAndHealthy: (o: DeploymentOptions): Probe => deploymentAvailableAndHealthy.probe(o, true),
  /** Probe: waits (watching, up to `timeout` s) until every replica of the Deployment is ready. Tolerance `true`. */
  deploymentFullyAvailable: (o: DeploymentOptions & Pick<OptionsOf<typeof deploymentFullyAvailable>, 'timeout'>): Probe => deploymentFullyAvailable.probe(o, true),
  /** Probe: every selected node (all by default) is Ready. Tolerance `true`. */
  allNodesMustBeReadyToSchedule: (o: ProbeOptions & OptionsOf<typeof allNodesMustBeReadyToSchedule> = {}): Probe => allNodesMustBeReadyToSchedule.probe(o, true),
  /** Action: cordon the nodes, evict their pods through the Eviction API and wait for them to go. */
  drainNodes: (o: DrainNodesOptions = {}): Action => drainNodes.action(o),
  /** Action: mark the nodes unschedulable (no selector: every node). */
  cordonNode: (o: NodeSelector & ActivityOptions = {}): Action => cordonNode.action(o),
  /** Action (usually a rollback): mark the nodes schedulable again (no selector: every node). */
  uncordonNode: (o: NodeSelector & ActivityOptions = {}): Action => uncordonNode.action(o),
  /** Action: delete pods gracefully, selected by label and/or name pattern. */
  terminatePods: (o: TerminatePodsOptions = {}): Action => terminatePods.action(o),
  /** Action: set the Deployment's replicas. */
  scaleDeployment: (o: ActivityOptions & OptionsOf<typeof scaleDeployment>): Action => scaleDeployment.action(o),
  /** Action: restart the Deployment's pods with a rolling update. */
  rolloutDeployment: (o: ActivityOptions & Required<Pick<OptionsOf<typeof rolloutDeployment>, 'name'>> & OptionsOf<typeof rolloutDeployment>): Action => rolloutDeployment.action(o),
}, k8sBuilderSchemas)
