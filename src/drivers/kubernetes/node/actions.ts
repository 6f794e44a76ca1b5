import type { V1Node } from '@kubernetes/client-node'
import type { ActivityFunction } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { apiBody, callApi } from '../../shared/api-error.js'
import { readArguments } from '../../shared/arguments.js'
import { connect } from '../../shared/connect.js'
import { nodeName, selectNodes } from '../select-nodes.js'
import { drainNodes } from './drain-nodes.js'
import { setUnschedulable } from './set-schedulable.js'

const setAll = (func: string, unschedulable: boolean, doc: string): ActivityFunction => ({
  params: ['name', 'label_selector', 'secrets'],
  required: [],
  doc,
  run: async (args, context) => {
    const read = readArguments(func, args)
    const apis = connect(read.secrets())
    const nodes = await selectNodes(apis.core, { name: read.string('name'), labelSelector: read.string('label_selector') })
    const names: string[] = []
    for (const node of nodes) {
      await setUnschedulable(apis, nodeName(node), unschedulable)
      names.push(nodeName(node))
    }
    context.log(`${unschedulable ? 'cordoned' : 'uncordoned'} ${names.join(', ')}`)
    return names
  },
})

/** chaosk8s.node.actions: cordon, uncordon, drain, delete and create nodes. */
export const nodeActions = {
  cordon_node: setAll('cordon_node', true, 'Cordon nodes matching the given label or name (no selector: every node), so that no pods are scheduled on them any longer.'),
  uncordon_node: setAll('uncordon_node', false, 'Uncordon nodes matching the given label or name (no selector: every node), so that pods can be scheduled on them again.'),
  drain_nodes: {
    params: ['name', 'label_selector', 'delete_pods_with_local_storage', 'timeout', 'secrets', 'count', 'pod_label_selector', 'pod_namespace'],
    required: [],
    doc: 'Drain nodes matching the given label or name (no selector: every node): cordon them, then evict their pods through the Eviction API and wait for them to go.',
    run: async (args, context) => {
      const read = readArguments('drain_nodes', args)
      return drainNodes(connect(read.secrets()), {
        name: read.string('name'),
        labelSelector: read.string('label_selector'),
        count: read.integer('count'),
        podLabelSelector: read.string('pod_label_selector'),
        podNamespace: read.string('pod_namespace'),
        deletePodsWithLocalStorage: read.flag('delete_pods_with_local_storage', false),
        timeout: read.number('timeout') ?? 120,
      }, context)
    },
  },
  delete_nodes: {
    params: ['label_selector', 'all', 'rand', 'count', 'grace_period_seconds', 'secrets', 'pod_label_selector', 'pod_namespace'],
    required: [],
    doc: 'Delete Node objects without draining them: the first matching node by default, one random node with `rand`, `count` random nodes with `count`.',
    run: async (args, context) => {
      const read = readArguments('delete_nodes', args)
      const rand = read.flag('rand', false)
      let count = read.integer('count')
      if (read.flag('all', false)) {
        throw new ActivityFailedError('TypeError: cannot unpack non-iterable NoneType object (chaosk8s delete_nodes crashes with all=true; select the nodes with label_selector or count instead)')
      }
      const first = !rand && (count === undefined || count < 1)
      if (rand) count = 1
      const { core } = connect(read.secrets())
      const nodes = await selectNodes(core, {
        labelSelector: read.string('label_selector'),
        podLabelSelector: read.string('pod_label_selector'),
        podNamespace: read.string('pod_namespace'),
        count,
        first,
      })
      const grace = read.integer('grace_period_seconds')
      const deleted: string[] = []
      for (const node of nodes) {
        const name = nodeName(node)
        const result = await callApi(`delete node '${name}'`, () =>
          core.deleteNode({ name, body: {}, ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}) }),
        )
        if (result.kind === 'Status' && result.status !== 'Success') context.log(`deleting node '${name}' failed: ${result.message ?? ''}`)
        else deleted.push(name)
      }
      return deleted
    },
  },
  create_node: {
    params: ['meta', 'spec', 'secrets'],
    required: [],
    doc: 'Create one new Node object from `meta` (metadata) and `spec`.',
    run: async (args) => {
      const read = readArguments('create_node', args)
      const { core } = connect(read.secrets())
      const body = { apiVersion: 'v1', kind: 'Node', metadata: read.object('meta'), spec: read.object('spec') } as V1Node
      try {
        return JSON.parse(JSON.stringify(await core.createNode({ body }))) as unknown
      } catch (error) {
        throw new ActivityFailedError(`Creating new node failed: ${apiBody(error)}`, { cause: error })
      }
    },
  },
} satisfies Record<string, ActivityFunction>
