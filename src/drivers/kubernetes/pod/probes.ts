import type { ActivityFunction } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { callApi } from '../../shared/api-error.js'
import { readArguments } from '../../shared/arguments.js'
import { connect } from '../../shared/connect.js'
import { parseFluentDuration } from './fluent-duration.js'
import { formatNameSelector, listPods } from './list-pods.js'

/** Raises `message` as a failed activity, or returns false when the caller asked not to raise. */
const verdict = (raise: boolean, message: string): false => {
  if (raise) throw new ActivityFailedError(message)
  return false
}

const podsFor = async (func: string, args: Record<string, unknown>) => {
  const read = readArguments(func, args)
  const labelSelector = read.string('label_selector')
  const ns = read.string('ns') ?? 'default'
  return { read, labelSelector, ns, pods: await listPods(connect(read.secrets()).core, ns, labelSelector) }
}

const countPods = async (args: Record<string, unknown>, func: string, phaseDefault?: string): Promise<number> => {
  const { read, pods } = await podsFor(func, args)
  const phase = read.string('phase') ?? phaseDefault
  return phase ? pods.filter((pod) => pod.status?.phase === phase).length : pods.length
}

/** chaosk8s.pod.probes: pod phases, conditions, counts and logs. */
export const podProbes = {
  all_pods_healthy: {
    params: ['ns', 'raise_on_any_unhealthy', 'secrets'],
    required: [],
    doc: 'Check all pods in the namespace are Running or Succeeded (only the phase is read); raises "the system is unhealthy" otherwise.',
    run: async (args) => {
      const { read, pods } = await podsFor('all_pods_healthy', { ...args, label_selector: null })
      const unhealthy = pods.filter((pod) => pod.status?.phase !== 'Running' && pod.status?.phase !== 'Succeeded')
      return unhealthy.length === 0 || verdict(read.flag('raise_on_any_unhealthy', true), 'the system is unhealthy')
    },
  },
  pods_in_phase: {
    params: ['label_selector', 'phase', 'ns', 'raise_on_invalid_phase', 'secrets'],
    required: ['label_selector'],
    doc: 'True when every pod matching the selector is in `phase` (default Running).',
    run: async (args) => {
      const { read, labelSelector, pods } = await podsFor('pods_in_phase', args)
      const phase = read.string('phase') ?? 'Running'
      const raise = read.flag('raise_on_invalid_phase', true)
      if (pods.length === 0) return verdict(raise, `no pods '${labelSelector ?? 'None'}' were found`)
      const wrong = pods.find((pod) => pod.status?.phase !== phase)
      return wrong ? verdict(raise, `pod '${labelSelector ?? 'None'}' is in phase '${wrong.status?.phase ?? 'None'}' but should be '${phase}'`) : true
    },
  },
  pods_not_in_phase: {
    params: ['label_selector', 'phase', 'ns', 'raise_on_in_phase', 'secrets'],
    required: ['label_selector'],
    doc: 'True when no pod matching the selector is in `phase` (default Running).',
    run: async (args) => {
      const { read, labelSelector, pods } = await podsFor('pods_not_in_phase', args)
      const phase = read.string('phase') ?? 'Running'
      const raise = read.flag('raise_on_in_phase', true)
      if (pods.length === 0) return verdict(raise, `no pods '${labelSelector ?? 'None'}' were found`)
      const found = pods.find((pod) => pod.status?.phase === phase)
      return found ? verdict(raise, `pod '${labelSelector ?? 'None'}' should not be in phase '${phase}'`) : true
    },
  },
  pods_in_conditions: {
    params: ['label_selector', 'conditions', 'ns', 'raise_on_invalid_conditions', 'secrets'],
    required: ['label_selector', 'conditions'],
    doc: 'True when every pod matching the selector has every given `{type, status}` condition.',
    run: async (args) => {
      const { read, labelSelector, pods } = await podsFor('pods_in_conditions', args)
      const conditions = (read.list('conditions') ?? []) as Array<{ type?: unknown; status?: unknown }>
      const raise = read.flag('raise_on_invalid_conditions', true)
      if (pods.length === 0) return verdict(raise, `no pods '${labelSelector ?? 'None'}' were found`)
      for (const pod of pods) {
        const has = pod.status?.conditions ?? []
        const missing = conditions.find((wanted) => !has.some((c) => c.type === wanted.type && c.status === wanted.status))
        if (missing) return verdict(raise, `pod ${pod.metadata?.name} does not match the following given condition: ${JSON.stringify(missing)}`)
      }
      return true
    },
  },
  count_pods: {
    params: ['label_selector', 'phase', 'ns', 'secrets'],
    required: ['label_selector'],
    doc: 'Count the pods matching the selector, only those in `phase` when one is given.',
    run: (args) => countPods(args, 'count_pods'),
  },
  count_min_pods: {
    params: ['label_selector', 'phase', 'min_count', 'ns', 'secrets'],
    required: ['label_selector'],
    doc: 'True when at least `min_count` (default 2) pods matching the selector are in `phase` (default Running).',
    run: async (args) => (await countPods(args, 'count_min_pods', 'Running')) >= (readArguments('count_min_pods', args).integer('min_count') ?? 2),
  },
  pod_is_not_available: {
    params: ['name', 'ns', 'label_selector', 'raise_on_is_available', 'secrets'],
    required: ['name'],
    doc: 'True when no pod selected by `name in (<name>)` (or `label_selector`) is Running.',
    run: async (args) => {
      const read = readArguments('pod_is_not_available', args)
      const name = read.string('name')
      const selector = formatNameSelector(read.string('label_selector') ?? 'name in ({name})', name)
      const { pods } = await podsFor('pod_is_not_available', { ...args, label_selector: selector })
      const running = pods.some((pod) => pod.status?.phase === 'Running')
      return running ? verdict(read.flag('raise_on_is_available', true), `pod '${name ?? 'None'}' is actually running`) : true
    },
  },
  read_pod_logs: {
    params: ['name', 'last', 'ns', 'from_previous', 'label_selector', 'container_name', 'secrets'],
    required: [],
    doc: 'Fetch the logs (with timestamps) of the pods selected by `name in (<name>)` or `label_selector`, as `{podName: logs}`.',
    run: async (args) => {
      const read = readArguments('read_pod_logs', args)
      const selector = formatNameSelector(read.string('label_selector') ?? 'name in ({name})', read.string('name'))
      const ns = read.string('ns') ?? 'default'
      const { core } = connect(read.secrets())
      const pods = await listPods(core, ns, selector)
      const last = read.string('last')
      const sinceSeconds = last ? parseFluentDuration(last) : 0
      const container = read.string('container_name')
      const logs: Record<string, string> = {}
      for (const pod of pods) {
        const name = pod.metadata!.name!
        logs[name] = await callApi(`read the logs of pod '${name}'`, () =>
          core.readNamespacedPodLog({
            name,
            namespace: ns,
            follow: false,
            previous: read.flag('from_previous', false),
            timestamps: true,
            ...(container ? { container } : {}),
            ...(sinceSeconds ? { sinceSeconds } : {}),
          }),
        )
      }
      return logs
    },
  },
  should_be_found_in_logs: {
    params: ['pattern', 'all_containers', 'value', 'secrets'],
    required: ['pattern'],
    doc: 'Tolerance helper for read_pod_logs: the regex must be found in the logs of every pod (or of one, with all_containers=false).',
    run: (args) => {
      const read = readArguments('should_be_found_in_logs', args)
      const value = read.object('value') ?? {}
      const entries = Object.values(value)
      if (entries.length === 0) throw new ActivityFailedError('no logs to search from')
      const pattern = new RegExp(read.requiredString('pattern'))
      const matched = entries.filter((logs) => pattern.test(String(logs))).length
      return read.flag('all_containers', true) ? matched === entries.length : matched > 0
    },
  },
} satisfies Record<string, ActivityFunction>
