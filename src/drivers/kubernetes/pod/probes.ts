import type { ActivityFunctionContext } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { flag, integer, list, object, required, requiredString, secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import type { DriverSecrets } from '../../shared/client.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { parseFluentDuration } from './fluent-duration.js'
import { formatNameSelector, listPods } from './list-pods.js'

const MODULE = 'chaosk8s.pod.probes'

/** Raises `message` as a failed activity, or returns false when the caller asked not to raise. */
const verdict = (raise: boolean, message: string): false => {
  if (raise) throw new ActivityFailedError(message)
  return false
}

type Where = { ns: string; labelSelector?: string | undefined; secrets: DriverSecrets }

const podsIn = ({ ns, labelSelector, secrets }: Where, context: ActivityFunctionContext) => listPods(connect(secrets, context).core, ns, labelSelector)

const countPods = async (args: Where & { phase: string | undefined }, context: ActivityFunctionContext): Promise<number> => {
  const pods = await podsIn(args, context)
  return args.phase ? pods.filter((pod) => pod.status?.phase === args.phase).length : pods.length
}

/** chaosk8s `all_pods_healthy`. */
export const allPodsHealthy = defineActivity({
  module: MODULE,
  name: 'all_pods_healthy',
  doc: 'Check all pods in the namespace are Running or Succeeded (only the phase is read); raises "the system is unhealthy" otherwise.',
  params: { ns: string('ns', 'default'), raiseOnAnyUnhealthy: flag('raise_on_any_unhealthy', true), secrets: secrets() },
  run: async ({ ns, raiseOnAnyUnhealthy, secrets }, context) => {
    const pods = await podsIn({ ns, secrets }, context)
    const unhealthy = pods.filter((pod) => pod.status?.phase !== 'Running' && pod.status?.phase !== 'Succeeded')
    return unhealthy.length === 0 || verdict(raiseOnAnyUnhealthy, 'the system is unhealthy')
  },
})

/** chaosk8s `pods_in_phase`. */
export const podsInPhase = defineActivity({
  module: MODULE,
  name: 'pods_in_phase',
  doc: 'True when every pod matching the selector is in `phase` (default Running).',
  params: {
    labelSelector: required(string('label_selector')),
    phase: string('phase', 'Running'),
    ns: string('ns', 'default'),
    raiseOnInvalidPhase: flag('raise_on_invalid_phase', true),
    secrets: secrets(),
  },
  run: async (args, context) => {
    const { labelSelector, phase, raiseOnInvalidPhase: raise } = args
    const pods = await podsIn(args, context)
    if (pods.length === 0) return verdict(raise, `no pods '${labelSelector ?? 'None'}' were found`)
    const wrong = pods.find((pod) => pod.status?.phase !== phase)
    return wrong ? verdict(raise, `pod '${labelSelector ?? 'None'}' is in phase '${wrong.status?.phase ?? 'None'}' but should be '${phase}'`) : true
  },
})

/** chaosk8s `pods_not_in_phase`. */
export const podsNotInPhase = defineActivity({
  module: MODULE,
  name: 'pods_not_in_phase',
  doc: 'True when no pod matching the selector is in `phase` (default Running).',
  params: {
    labelSelector: required(string('label_selector')),
    phase: string('phase', 'Running'),
    ns: string('ns', 'default'),
    raiseOnInPhase: flag('raise_on_in_phase', true),
    secrets: secrets(),
  },
  run: async (args, context) => {
    const { labelSelector, phase, raiseOnInPhase: raise } = args
    const pods = await podsIn(args, context)
    if (pods.length === 0) return verdict(raise, `no pods '${labelSelector ?? 'None'}' were found`)
    const found = pods.find((pod) => pod.status?.phase === phase)
    return found ? verdict(raise, `pod '${labelSelector ?? 'None'}' should not be in phase '${phase}'`) : true
  },
})

/** chaosk8s `pods_in_conditions`. */
export const podsInConditions = defineActivity({
  module: MODULE,
  name: 'pods_in_conditions',
  doc: 'True when every pod matching the selector has every given `{type, status}` condition.',
  params: {
    labelSelector: required(string('label_selector')),
    conditions: required(list<Array<{ type: string; status: string }>>('conditions')),
    ns: string('ns', 'default'),
    raiseOnInvalidConditions: flag('raise_on_invalid_conditions', true),
    secrets: secrets(),
  },
  run: async (args, context) => {
    const conditions = (args.conditions ?? []) as Array<{ type?: unknown; status?: unknown }>
    const raise = args.raiseOnInvalidConditions
    const pods = await podsIn(args, context)
    if (pods.length === 0) return verdict(raise, `no pods '${args.labelSelector ?? 'None'}' were found`)
    for (const pod of pods) {
      const has = pod.status?.conditions ?? []
      const missing = conditions.find((wanted) => !has.some((c) => c.type === wanted.type && c.status === wanted.status))
      if (missing) return verdict(raise, `pod ${pod.metadata?.name} does not match the following given condition: ${JSON.stringify(missing)}`)
    }
    return true
  },
})

/** chaosk8s `count_pods`. */
export const countPodsProbe = defineActivity({
  module: MODULE,
  name: 'count_pods',
  doc: 'Count the pods matching the selector, only those in `phase` when one is given.',
  params: { labelSelector: required(string('label_selector')), phase: string('phase'), ns: string('ns', 'default'), secrets: secrets() },
  run: countPods,
})

/** chaosk8s `count_min_pods`. */
export const countMinPods = defineActivity({
  module: MODULE,
  name: 'count_min_pods',
  doc: 'True when at least `min_count` (default 2) pods matching the selector are in `phase` (default Running).',
  params: {
    labelSelector: required(string('label_selector')),
    phase: string('phase', 'Running'),
    minCount: integer('min_count', 2),
    ns: string('ns', 'default'),
    secrets: secrets(),
  },
  run: async (args, context) => (await countPods(args, context)) >= args.minCount,
})

/** chaosk8s `pod_is_not_available`. */
export const podIsNotAvailable = defineActivity({
  module: MODULE,
  name: 'pod_is_not_available',
  doc: 'True when no pod selected by `name in (<name>)` (or `label_selector`) is Running.',
  params: {
    name: required(string('name')),
    ns: string('ns', 'default'),
    labelSelector: string('label_selector', 'name in ({name})'),
    raiseOnIsAvailable: flag('raise_on_is_available', true),
    secrets: secrets(),
  },
  run: async ({ name, labelSelector, ...args }, context) => {
    const pods = await podsIn({ ...args, labelSelector: formatNameSelector(labelSelector, name) }, context)
    const running = pods.some((pod) => pod.status?.phase === 'Running')
    return running ? verdict(args.raiseOnIsAvailable, `pod '${name ?? 'None'}' is actually running`) : true
  },
})

/** chaosk8s `read_pod_logs`. */
export const readPodLogs = defineActivity({
  module: MODULE,
  name: 'read_pod_logs',
  doc: 'Fetch the logs (with timestamps) of the pods selected by `name in (<name>)` or `label_selector`, as `{podName: logs}`.',
  params: {
    name: string('name'),
    last: string('last'),
    ns: string('ns', 'default'),
    fromPrevious: flag('from_previous', false),
    labelSelector: string('label_selector', 'name in ({name})'),
    containerName: string('container_name'),
    secrets: secrets(),
  },
  run: async ({ name, last, ns, fromPrevious, labelSelector, containerName: container, secrets }, context) => {
    const { core } = connect(secrets, context)
    const pods = await listPods(core, ns, formatNameSelector(labelSelector, name))
    const sinceSeconds = last ? parseFluentDuration(last) : 0
    const logs: Record<string, string> = {}
    for (const pod of pods) {
      const podName = pod.metadata!.name!
      logs[podName] = await callApi(`read the logs of pod '${podName}'`, () =>
        core.readNamespacedPodLog({
          name: podName,
          namespace: ns,
          follow: false,
          previous: fromPrevious,
          timestamps: true,
          ...(container ? { container } : {}),
          ...(sinceSeconds ? { sinceSeconds } : {}),
        }),
      )
    }
    return logs
  },
})

/** chaosk8s `should_be_found_in_logs`. */
export const shouldBeFoundInLogs = defineActivity({
  module: MODULE,
  name: 'should_be_found_in_logs',
  doc: 'Tolerance helper for read_pod_logs: the regex must be found in the logs of every pod (or of one, with all_containers=false).',
  params: { pattern: requiredString('pattern'), allContainers: flag('all_containers', true), value: object('value'), secrets: secrets() },
  run: ({ pattern, allContainers, value }) => {
    const entries = Object.values(value ?? {})
    if (entries.length === 0) throw new ActivityFailedError('no logs to search from')
    const regex = new RegExp(pattern)
    const matched = entries.filter((logs) => regex.test(String(logs))).length
    return allContainers ? matched === entries.length : matched > 0
  },
})
