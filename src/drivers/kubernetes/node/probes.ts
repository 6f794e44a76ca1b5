import type { ActivityFunctionContext } from '../../../experiment/activity-function.js'
import { configuration, secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import type { DriverSecrets } from '../../shared/client.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'

const MODULE = 'chaosk8s.node.probes'

type NodeConditions = Record<string, string>
type Selector = { labelSelector: string | undefined; secrets: DriverSecrets }

const listNodes = ({ labelSelector, secrets }: Selector, context: ActivityFunctionContext) =>
  callApi('list nodes', () => connect(secrets, context).core.listNode(labelSelector ? { labelSelector } : {}))

const readConditions = async (selector: Selector, context: ActivityFunctionContext): Promise<NodeConditions[]> =>
  (await listNodes(selector, context)).items.map((node) => {
    const statuses: NodeConditions = { name: node.metadata?.name ?? '' }
    for (const condition of node.status?.conditions ?? []) statuses[condition.type] = condition.status
    return statuses
  })

const HEALTHY: ReadonlyArray<[string, string]> = [
  ['FrequentKubeletRestart', 'False'],
  ['FrequentDockerRestart', 'False'],
  ['FrequentContainerdRestart', 'False'],
  ['ReadonlyFilesystem', 'False'],
  ['KernelDeadlock', 'False'],
  ['CorruptDockerOverlay2', 'False'],
  ['FrequentUnregisterNetDevice', 'False'],
  ['NetworkUnavailable', 'False'],
  ['MemoryPressure', 'False'],
  ['DiskPressure', 'False'],
  ['PIDPressure', 'False'],
  ['Ready', 'True'],
]

const selectorParams = { labelSelector: string('label_selector'), configuration: configuration(), secrets: secrets() }

/** chaosk8s `get_nodes`. */
export const getNodes = defineActivity({
  module: MODULE,
  name: 'get_nodes',
  doc: 'List the nodes of the cluster (the NodeList JSON), optionally filtered by a label selector.',
  params: selectorParams,
  run: async (args, context) => JSON.parse(JSON.stringify({ kind: 'NodeList', apiVersion: 'v1', ...(await listNodes(args, context)) })) as unknown,
})

/** chaosk8s `get_all_node_status_conditions`. */
export const getAllNodeStatusConditions = defineActivity({
  module: MODULE,
  name: 'get_all_node_status_conditions',
  doc: 'Get every selected node\'s conditions as `{name, <type>: <status>}` objects.',
  params: selectorParams,
  run: readConditions,
})

/** chaosk8s `all_nodes_must_be_ready_to_schedule`. */
export const allNodesMustBeReadyToSchedule = defineActivity({
  module: MODULE,
  name: 'all_nodes_must_be_ready_to_schedule',
  doc: 'True when every selected node has condition Ready=True (cordoning is not looked at).',
  params: selectorParams,
  run: async (args, context) => (await readConditions(args, context)).every((node) => node.Ready === 'True'),
})

/** chaosk8s `verify_nodes_condition`. */
export const verifyNodesCondition = defineActivity({
  module: MODULE,
  name: 'verify_nodes_condition',
  doc: 'True when every selected node has `condition_type` (default PIDPressure) equal to `condition_value` (default "False").',
  params: { conditionType: string('condition_type', 'PIDPressure'), conditionValue: string('condition_value', 'False'), ...selectorParams },
  run: async (args, context) => (await readConditions(args, context)).every((node) => node[args.conditionType] === args.conditionValue),
})

/** chaosk8s `nodes_must_be_healthy`. */
export const nodesMustBeHealthy = defineActivity({
  module: MODULE,
  name: 'nodes_must_be_healthy',
  doc: 'True when every selected node is Ready and reports no pressure or problem condition (conditions it does not report are ignored).',
  params: selectorParams,
  run: async (args, context) =>
    (await readConditions(args, context)).every((node) => HEALTHY.every(([type, value]) => !(type in node) || node[type] === value)),
})
