import type { CoreV1Api } from '@kubernetes/client-node'
import type { ActivityFunction, ActivityFunctionContext } from '../../../experiment/activity-function.js'
import { callApi } from '../../shared/api-error.js'
import { readArguments, type ArgumentReader } from '../../shared/arguments.js'
import { connect } from '../../shared/connect.js'
import { describeLabels, emptySelectionError } from '../../shared/empty-selection.js'
import { selectPods } from '../select-pods.js'

type Selection = { namePattern?: string | undefined; labelSelector?: string | undefined }

const failEmptySelection = async (func: string, core: CoreV1Api, ns: string, selection: Selection): Promise<never> => {
  const pods = await callApi(`list pods in namespace '${ns}'`, () => core.listNamespacedPod({ namespace: ns }))
  const present = pods.items.length === 0 ? 'there are no pods there at all' : `the ${pods.items.length} pods there carry ${describeLabels(pods.items, selection.labelSelector)}`
  throw emptySelectionError({ func, noun: 'pod', namespace: ns, selector: { label_selector: selection.labelSelector, name_pattern: selection.namePattern }, present })
}

const terminate = async (func: string, read: ArgumentReader, selection: Selection, context: ActivityFunctionContext) => {
  const { core } = connect(read.secrets())
  const ns = read.string('ns') ?? 'default'
  const pods = await selectPods(core, {
    ...selection,
    all: read.flag('all', false),
    rand: read.flag('rand', false),
    mode: read.string('mode') ?? 'fixed',
    qty: read.integer('qty') ?? 1,
    ns,
    order: read.string('order') ?? 'alphabetic',
  })
  const wanted = read.flag('all', false) || (read.integer('qty') ?? 1) > 0
  if (pods.length === 0 && wanted && context.strict) await failEmptySelection(func, core, ns, selection)
  const grace = read.integer('grace_period') ?? -1
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

/** chaosk8s.pod.actions: terminate pods (`exec_in_pods` is left out: the emulated cluster serves no exec). */
export const podActions = {
  terminate_pods: {
    params: ['label_selector', 'name_pattern', 'all', 'rand', 'mode', 'qty', 'grace_period', 'ns', 'order', 'secrets'],
    required: [],
    doc: 'Terminate pods gracefully, selected by label and/or name pattern: `qty` of them (a percentage with mode=percentage), random with `rand`, every one with `all`.',
    run: (args, context) => {
      const read = readArguments('terminate_pods', args)
      return terminate('terminate_pods', read, { labelSelector: read.string('label_selector'), namePattern: read.string('name_pattern') }, context)
    },
  },
  delete_pods: {
    params: ['name', 'ns', 'label_selector', 'secrets'],
    required: [],
    doc: 'Deprecated: terminate_pods(name_pattern=name, label_selector, ns), so one pod by default.',
    run: (args, context) => {
      const read = readArguments('delete_pods', args)
      return terminate('delete_pods', read, { labelSelector: read.string('label_selector'), namePattern: read.string('name') }, context)
    },
  },
} satisfies Record<string, ActivityFunction>
