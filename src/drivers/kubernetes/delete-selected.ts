import type { V1ObjectMeta } from '@kubernetes/client-node'
import type { ActivityFunctionContext } from '../../experiment/activity-function.js'
import { callApi } from '../shared/api-error.js'
import { describeLabels, emptySelectionError } from '../shared/empty-selection.js'

/** What chaosk8s' `delete_<kind>(name, ns, label_selector)` functions select and how they delete it. */
export interface Deletion {
  func: string
  /** e.g. `replica set`, for messages. */
  noun: string
  namespace: string
  name: string | undefined
  labelSelector: string | undefined
  /** Lists the namespace's objects of this kind, narrowed by the query when one is given. */
  list(query: { fieldSelector?: string; labelSelector?: string }): Promise<{ items: Array<{ metadata?: V1ObjectMeta }> }>
  remove(name: string): Promise<unknown>
  /** Say which labels the objects there carry when the selection is empty in strict mode. */
  showLabels: boolean
}

/**
 * Deletes by `name`, else by `label_selector`, else every object of the namespace, as chaosk8s does; in strict mode
 * a selection of nothing fails, naming what is there.
 *
 * @example
 * await deleteSelected({ func: 'delete_replica_set', noun: 'replica set', namespace, name, labelSelector, list, remove, showLabels: false }, context)
 */
export const deleteSelected = async (deletion: Deletion, context: ActivityFunctionContext): Promise<null> => {
  const { func, noun, namespace, name, labelSelector } = deletion
  const listAll = (query = {}) => callApi(`list ${noun}s in namespace '${namespace}'`, () => deletion.list(query))
  const selected = await listAll(name ? { fieldSelector: `metadata.name=${name}` } : labelSelector ? { labelSelector } : {})
  if (selected.items.length === 0 && context.strict) {
    const all = (await listAll()).items
    const names = all.map((item) => item.metadata?.name ?? '').join(', ')
    const labels = deletion.showLabels ? ` (labels ${describeLabels(all, labelSelector)})` : ''
    const present = names ? `the ${noun}s there are ${names}${labels}` : `there are no ${noun}s there at all`
    throw emptySelectionError({ func, noun, namespace, selector: { name, label_selector: labelSelector }, present })
  }
  for (const item of selected.items) {
    const target = item.metadata!.name!
    await callApi(`delete ${noun} '${target}'`, () => deletion.remove(target))
    context.log(`deleted ${noun} ${namespace}/${target}`)
  }
  return null
}
