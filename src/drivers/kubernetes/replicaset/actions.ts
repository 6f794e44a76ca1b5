import { secrets, string } from '../../shared/activity-params.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { deleteSelected } from '../delete-selected.js'

/** chaosk8s `delete_replica_set`. */
export const deleteReplicaSet = defineActivity({
  module: 'chaosk8s.replicaset.actions',
  name: 'delete_replica_set',
  doc: 'Delete ReplicaSets by `name` or `label_selector`; with neither, every ReplicaSet of the namespace.',
  params: { name: string('name'), ns: string('ns', 'default'), labelSelector: string('label_selector'), secrets: secrets() },
  run: ({ name, ns: namespace, labelSelector, secrets }, context) => {
    const { apps } = connect(secrets, context)
    return deleteSelected({
      func: 'delete_replica_set',
      noun: 'replica set',
      namespace,
      name,
      labelSelector,
      list: (query) => apps.listNamespacedReplicaSet({ namespace, ...query }),
      remove: (target) => apps.deleteNamespacedReplicaSet({ name: target, namespace, body: {} }),
      showLabels: false,
    }, context)
  },
})
