import type { V1Node } from '@kubernetes/client-node'
import type { ActivityFunctionContext } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { flag, integer, number, object, secrets, string } from '../../shared/activity-params.js'
import { apiBody, callApi } from '../../shared/api-error.js'
import type { DriverSecrets } from '../../shared/client.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { nodeName, selectNodes } from '../select-nodes.js'
import { drainNodes as drain } from './drain-nodes.js'
import { setUnschedulable } from './set-schedulable.js'

const MODULE = 'chaosk8s.node.actions'

const nodeSelector = { name: string('name'), labelSelector: string('label_selector'), secrets: secrets() }

const setAll = async (selector: { name?: string | undefined; labelSelector?: string | undefined; secrets: DriverSecrets }, unschedulable: boolean, context: ActivityFunctionContext) => {
  const apis = connect(selector.secrets, context)
  const nodes = await selectNodes(apis.core, selector)
  const names: string[] = []
  for (const node of nodes) {
    await setUnschedulable(apis, nodeName(node), unschedulable)
    names.push(nodeName(node))
  }
  context.log(`${unschedulable ? 'cordoned' : 'uncordoned'} ${names.join(', ')}`)
  return names
}

/** chaosk8s `cordon_node`. */
export const cordonNode = defineActivity({
  module: MODULE,
  name: 'cordon_node',
  doc: 'Cordon nodes matching the given label or name (no selector: every node), so that no pods are scheduled on them any longer.',
  params: nodeSelector,
  run: (args, context) => setAll(args, true, context),
})

/** chaosk8s `uncordon_node`. */
export const uncordonNode = defineActivity({
  module: MODULE,
  name: 'uncordon_node',
  doc: 'Uncordon nodes matching the given label or name (no selector: every node), so that pods can be scheduled on them again.',
  params: nodeSelector,
  run: (args, context) => setAll(args, false, context),
})

/** chaosk8s `drain_nodes`. */
export const drainNodes = defineActivity({
  module: MODULE,
  name: 'drain_nodes',
  doc: 'Drain nodes matching the given label or name (no selector: every node): cordon them, then evict their pods through the Eviction API and wait for them to go.',
  params: {
    name: string('name'),
    labelSelector: string('label_selector'),
    /** Evict pods with emptyDir volumes too (most of bookinfo and Istio); default false. */
    deletePodsWithLocalStorage: flag('delete_pods_with_local_storage', false),
    /** Seconds allowed per node for its pods to go; default 120. */
    timeout: number('timeout', 120),
    secrets: secrets(),
    /** Drain this many randomly picked nodes (with replacement, as chaosk8s does). */
    count: integer('count'),
    /** With `podNamespace`: only the nodes hosting pods matching this selector. */
    podLabelSelector: string('pod_label_selector'),
    podNamespace: string('pod_namespace'),
  },
  run: ({ secrets, ...options }, context) => drain(connect(secrets, context), options, context),
})

/** chaosk8s `delete_nodes`. */
export const deleteNodes = defineActivity({
  module: MODULE,
  name: 'delete_nodes',
  doc: 'Delete Node objects without draining them: the first matching node by default, one random node with `rand`, `count` random nodes with `count`.',
  params: {
    labelSelector: string('label_selector'),
    all: flag('all', false),
    rand: flag('rand', false),
    count: integer('count'),
    gracePeriodSeconds: integer('grace_period_seconds'),
    secrets: secrets(),
    podLabelSelector: string('pod_label_selector'),
    podNamespace: string('pod_namespace'),
  },
  run: async ({ all, rand, count, gracePeriodSeconds: grace, secrets, ...selection }, context) => {
    if (all) {
      throw new ActivityFailedError('TypeError: cannot unpack non-iterable NoneType object (chaosk8s delete_nodes crashes with all=true; select the nodes with label_selector or count instead)')
    }
    const first = !rand && (count === undefined || count < 1)
    const { core } = connect(secrets, context)
    const nodes = await selectNodes(core, { ...selection, count: rand ? 1 : count, first })
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
})

/** chaosk8s `create_node`. */
export const createNode = defineActivity({
  module: MODULE,
  name: 'create_node',
  doc: 'Create one new Node object from `meta` (metadata) and `spec`.',
  params: { meta: object('meta'), spec: object('spec'), secrets: secrets() },
  run: async ({ meta, spec, secrets }, context) => {
    const { core } = connect(secrets, context)
    const body = { apiVersion: 'v1', kind: 'Node', metadata: meta, spec } as V1Node
    try {
      return JSON.parse(JSON.stringify(await core.createNode({ body }))) as unknown
    } catch (error) {
      throw new ActivityFailedError(`Creating new node failed: ${apiBody(error)}`, { cause: error })
    }
  },
})
