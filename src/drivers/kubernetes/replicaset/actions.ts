import type { ActivityFunction } from '../../../experiment/activity-function.js'
import { callApi } from '../api-error.js'
import { readArguments } from '../arguments.js'
import { connect } from '../connect.js'

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
      for (const replicaSet of list.items) {
        const target = replicaSet.metadata!.name!
        await callApi(`delete replica set '${target}'`, () => apps.deleteNamespacedReplicaSet({ name: target, namespace, body: {} }))
        context.log(`deleted replica set ${namespace}/${target}`)
      }
      return null
    },
  },
} satisfies Record<string, ActivityFunction>
