import { secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { emptySelectionError } from '../../shared/empty-selection.js'

/** chaosk8s `delete_replica_set`. */
export const deleteReplicaSet = defineActivity({
  module: 'chaosk8s.replicaset.actions',
  name: 'delete_replica_set',
  doc: 'Delete ReplicaSets by `name` or `label_selector`; with neither, every ReplicaSet of the namespace.',
  params: { name: string('name'), ns: string('ns', 'default'), labelSelector: string('label_selector'), secrets: secrets() },
  run: async ({ name, ns: namespace, labelSelector, secrets }, context) => {
    const { apps } = connect(secrets, context)
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
})
