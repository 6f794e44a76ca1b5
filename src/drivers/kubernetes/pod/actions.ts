import type { CoreV1Api } from '@kubernetes/client-node'
import type { ActivityFunctionContext } from '../../../experiment/activity-function.js'
import { flag, integer, secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import type { DriverSecrets } from '../../shared/client.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { describeLabels, emptySelectionError } from '../../shared/empty-selection.js'
import { selectPods } from '../select-pods.js'

const MODULE = 'chaosk8s.pod.actions'

interface Termination {
  labelSelector: string | undefined
  namePattern: string | undefined
  all: boolean
  rand: boolean
  mode: string
  qty: number
  gracePeriod: number
  ns: string
  order: string
  secrets: DriverSecrets
}

const failEmptySelection = async (func: string, core: CoreV1Api, { ns, labelSelector, namePattern }: Termination): Promise<never> => {
  const pods = await callApi(`list pods in namespace '${ns}'`, () => core.listNamespacedPod({ namespace: ns }))
  const present = pods.items.length === 0 ? 'there are no pods there at all' : `the ${pods.items.length} pods there carry ${describeLabels(pods.items, labelSelector)}`
  throw emptySelectionError({ func, noun: 'pod', namespace: ns, selector: { label_selector: labelSelector, name_pattern: namePattern }, present })
}

const terminate = async (func: string, { secrets, gracePeriod: grace, ...selection }: Termination, context: ActivityFunctionContext) => {
  const { core } = connect(secrets, context)
  const { ns } = selection
  const pods = await selectPods(core, selection)
  const wanted = selection.all || selection.qty > 0
  if (pods.length === 0 && wanted && context.strict) await failEmptySelection(func, core, { secrets, gracePeriod: grace, ...selection })
  const deleted: string[] = []
  for (const pod of pods) {
    const name = pod.metadata!.name!
    await callApi(`delete pod '${name}' in namespace '${ns}'`, () =>
      core.deleteNamespacedPod({ name, namespace: ns, ...(grace >= 0 ? { gracePeriodSeconds: grace, body: { gracePeriodSeconds: grace } } : {}) }),
    )
    deleted.push(name)
  }
  context.log(deleted.length ? `terminated ${deleted.join(', ')}` : 'no pod matched; nothing terminated')
  return deleted
}

const selection = {
  /** Every matching pod, ignoring `mode` and `qty`. */
  all: flag('all', false),
  /** Pick the pods at random. */
  rand: flag('rand', false),
  /** `qty` is a count (`fixed`, default) or a percentage rounded up. */
  mode: string<'fixed' | 'percentage'>('mode', 'fixed'),
  qty: integer('qty', 1),
  /** Seconds; negative or absent: the pod's own grace period. */
  gracePeriod: integer('grace_period', -1),
  ns: string('ns', 'default'),
  order: string<'alphabetic' | 'oldest'>('order', 'alphabetic'),
  secrets: secrets(),
}

/** chaosk8s `terminate_pods` (`exec_in_pods` is left out: the emulated cluster serves no exec). */
export const terminatePods = defineActivity({
  module: MODULE,
  name: 'terminate_pods',
  doc: 'Terminate pods gracefully, selected by label and/or name pattern: `qty` of them (a percentage with mode=percentage), random with `rand`, every one with `all`.',
  params: {
    labelSelector: string('label_selector'),
    /** Regular expression searched (not anchored) in pod names. */
    namePattern: string('name_pattern'),
    ...selection,
  },
  run: (args, context) => terminate('terminate_pods', args, context),
})

/** chaosk8s `delete_pods`, deprecated there. */
export const deletePods = defineActivity({
  module: MODULE,
  name: 'delete_pods',
  doc: 'Deprecated: terminate_pods(name_pattern=name, label_selector, ns), so one pod by default.',
  params: { name: string('name'), ns: string('ns', 'default'), labelSelector: string('label_selector'), secrets: secrets() },
  run: ({ name, ...args }, context) =>
    terminate('delete_pods', { ...args, namePattern: name, all: false, rand: false, mode: 'fixed', qty: 1, gracePeriod: -1, order: 'alphabetic' }, context),
})
