import type { V1DaemonSet } from '@kubernetes/client-node'
import type { ActivityFunctionContext } from '../../../experiment/activity-function.js'
import { ActivityFailedError } from '../../../errors.js'
import { number, requiredString, secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import type { DriverSecrets } from '../../shared/client.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { waitForReadiness } from '../../shared/wait-for-readiness.js'

const MODULE = 'chaosk8s.daemonset.probes'

type Where = { name: string; ns: string; labelSelector: string | undefined; secrets: DriverSecrets }

const where = { name: requiredString('name'), ns: string('ns', 'default'), labelSelector: string('label_selector') }
const isReady = (daemonSet: V1DaemonSet) => (daemonSet.status?.numberReady ?? null) === (daemonSet.status?.desiredNumberScheduled ?? null)

const listNamed = async ({ name, ns: namespace, labelSelector, secrets }: Where, context: ActivityFunctionContext) =>
  (await callApi(`list daemon sets named '${name}' in namespace '${namespace}'`, () =>
    connect(secrets, context).apps.listNamespacedDaemonSet({ namespace, fieldSelector: `metadata.name=${name}`, ...(labelSelector ? { labelSelector } : {}) }),
  )).items

const readiness = (name: string, ready: boolean, doc: string) =>
  defineActivity({
    module: MODULE,
    name,
    doc,
    params: { ...where, timeout: number('timeout', 30), secrets: secrets() },
    run: ({ timeout, secrets, ...args }, context) =>
      waitForReadiness(connect(secrets, context).kc, {
        ...args,
        noun: 'daemon set',
        path: `/apis/apps/v1/namespaces/${encodeURIComponent(args.ns)}/daemonsets`,
        labelSelector: args.labelSelector?.replaceAll('{name}', args.name),
        isReady: (object) => isReady(object as V1DaemonSet),
        ready,
        timeoutSeconds: Math.trunc(timeout),
        signal: context.signal,
      }),
  })

/** chaosk8s `daemon_set_available_and_healthy`. */
export const daemonSetAvailableAndHealthy = defineActivity({
  module: MODULE,
  name: 'daemon_set_available_and_healthy',
  doc: 'True when the DaemonSet exists and has as many ready pods as it should have scheduled; false otherwise (never raises).',
  params: { ...where, secrets: secrets() },
  run: async (args, context) => {
    const daemonSets = await listNamed(args, context)
    return daemonSets.length > 0 && daemonSets.every(isReady)
  },
})

/** chaosk8s `daemon_set_partially_available`. */
export const daemonSetPartiallyAvailable = defineActivity({
  module: MODULE,
  name: 'daemon_set_partially_available',
  doc: 'True when the DaemonSet has at least one ready pod; false otherwise.',
  params: { ...where, secrets: secrets() },
  run: async (args, context) => {
    const [first] = await listNamed(args, context)
    if (!first) return false
    const ready = first.status?.numberReady
    if (ready === undefined || ready === null) {
      throw new ActivityFailedError("TypeError: '>=' not supported between instances of 'NoneType' and 'int' (the daemon set reports no ready count)")
    }
    return ready >= 1
  },
})

/** chaosk8s `daemon_set_fully_available`. */
export const daemonSetFullyAvailable = readiness(
  'daemon_set_fully_available',
  true,
  'Wait (watching, up to `timeout` s, default 30) until every pod of the DaemonSet is ready: true then, false after the timeout.',
)

/** chaosk8s `daemon_set_not_fully_available`. */
export const daemonSetNotFullyAvailable = readiness(
  'daemon_set_not_fully_available',
  false,
  'Wait (watching, up to `timeout` s, default 30) until the DaemonSet no longer has every pod ready: true then, false after the timeout.',
)
