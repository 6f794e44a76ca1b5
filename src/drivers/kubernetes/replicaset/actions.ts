import type { ActivityFunction } from '../../../experiment/activity-function.js'
import { callApi } from '../../shared/api-error.js'
import { readArguments } from '../../shared/arguments.js'
import { connect } from '../../shared/connect.js'
import { emptySelectionError } from '../../shared/empty-selection.js'

/** chaosk8s.replicaset.actions: delete ReplicaSets. */
export const replicaSetActions = {
  delete_replica_set: {
    params: ['name', 'ns', 'label_selector', 'secrets'],
    required: [],
    doc: 'Delete ReplicaSets by `name` or `label_selector`; with neither, every ReplicaSet of the namespace.',
    run: async (args, context) => {
      const read = readArguments('delete_replica_set', args)
      const namespace = read.string('ns') ?? 'default'
      const name = read.string('name')
      const labelSelector = read.string('label_selector')
      const { apps } = connect(read.secrets())
      const query = name ? { fieldSelector: `metadata.name=${name}` } : labelSelector ? { labelSelector } : {}
      const list = await callApi(`list replica sets in namespace '${namespace}'`, () => apps.listNamespacedReplicaSet({ namespace, ...query }))
      if (list.items.length === 0 && context.strict) {
        const all = await callApi(`list replica sets in namespace '${namespace}'`, () => apps.listNamespacedReplicaSet({ namespace }))
        const names = all.items.map((item) => item.metadata?.name ?? '').join(', ')
        const present = names ? `the replica sets there are ${names}` : 'there are no replica sets there at all'
        throw emptySelectionError({ func: 'delete_replica_set', noun: 'replica set', namespace, selector: { name, label_selector: labelSelector }, present })
      }
      for (const replicaSet of list.items) {
        const target = replicaSet.metadata!.name!
        await callApi(`delete replica set '${target}'`, () => apps.deleteNamespacedReplicaSet({ name: target, namespace, body: {} }))
        context.log(`deleted replica set ${namespace}/${target}`)
      }
      return null
    },
  },
} satisfies Record<string, ActivityFunction>
