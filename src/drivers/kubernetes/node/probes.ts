import type { ActivityFunction } from '../../../experiment/activity-function.js'
import { callApi } from '../../shared/api-error.js'
import { readArguments } from '../../shared/arguments.js'
import { connect } from '../../shared/connect.js'

type NodeConditions = Record<string, string>

const readConditions = async (func: string, args: Record<string, unknown>): Promise<NodeConditions[]> => {
  const read = readArguments(func, args)
  const labelSelector = read.string('label_selector')
  const { core } = connect(read.secrets())
  const nodes = await callApi('list nodes', () => core.listNode(labelSelector ? { labelSelector } : {}))
  return nodes.items.map((node) => {
    const statuses: NodeConditions = { name: node.metadata?.name ?? '' }
    for (const condition of node.status?.conditions ?? []) statuses[condition.type] = condition.status
    return statuses
  })
}

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

const SELECTOR_PARAMS = ['label_selector', 'configuration', 'secrets'] as const

/** chaosk8s.node.probes: node lists and node conditions. */
export const nodeProbes = {
  get_nodes: {
    params: SELECTOR_PARAMS,
    required: [],
    doc: 'List the nodes of the cluster (the NodeList JSON), optionally filtered by a label selector.',
    run: async (args) => {
      const read = readArguments('get_nodes', args)
      const labelSelector = read.string('label_selector')
      const { core } = connect(read.secrets())
      const list = await callApi('list nodes', () => core.listNode(labelSelector ? { labelSelector } : {}))
      return JSON.parse(JSON.stringify({ kind: 'NodeList', apiVersion: 'v1', ...list })) as unknown
    },
  },
  get_all_node_status_conditions: {
    params: SELECTOR_PARAMS,
    required: [],
    doc: 'Get every selected node\'s conditions as `{name, <type>: <status>}` objects.',
    run: (args) => readConditions('get_all_node_status_conditions', args),
  },
  all_nodes_must_be_ready_to_schedule: {
    params: SELECTOR_PARAMS,
    required: [],
    doc: 'True when every selected node has condition Ready=True (cordoning is not looked at).',
    run: async (args) => (await readConditions('all_nodes_must_be_ready_to_schedule', args)).every((node) => node.Ready === 'True'),
  },
  verify_nodes_condition: {
    params: ['condition_type', 'condition_value', ...SELECTOR_PARAMS],
    required: [],
    doc: 'True when every selected node has `condition_type` (default PIDPressure) equal to `condition_value` (default "False").',
    run: async (args) => {
      const read = readArguments('verify_nodes_condition', args)
      const type = read.string('condition_type') ?? 'PIDPressure'
      const value = read.string('condition_value') ?? 'False'
      return (await readConditions('verify_nodes_condition', args)).every((node) => node[type] === value)
    },
  },
  nodes_must_be_healthy: {
    params: SELECTOR_PARAMS,
    required: [],
    doc: 'True when every selected node is Ready and reports no pressure or problem condition (conditions it does not report are ignored).',
    run: async (args) =>
      (await readConditions('nodes_must_be_healthy', args)).every((node) =>
        HEALTHY.every(([type, value]) => !(type in node) || node[type] === value),
      ),
  },
} satisfies Record<string, ActivityFunction>
