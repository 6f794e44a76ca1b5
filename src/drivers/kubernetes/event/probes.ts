import { EventsV1Api } from '@kubernetes/client-node'
import { configuration, integer, secrets, string } from '../../shared/activity-params.js'
import { callApi } from '../../shared/api-error.js'
import { connect } from '../../shared/connect.js'
import { defineActivity } from '../../shared/define-activity.js'
import { keepRawBody } from './keep-raw-body.js'

/** chaosk8s `get_events`. */
export const getEvents = defineActivity({
  module: 'chaosk8s.event.probes',
  name: 'get_events',
  doc: 'The events.k8s.io/v1 EventList of every namespace (at most `limit` events), filtered by `label_selector` when set.',
  params: { labelSelector: string('label_selector'), limit: integer('limit', 100), configuration: configuration(), secrets: secrets() },
  run: async ({ labelSelector, limit, secrets }, context) => {
    const events = connect(secrets, context).kc.makeApiClient(EventsV1Api)
    const raw = keepRawBody()
    await callApi('list events.k8s.io/v1 events in all namespaces', () => events.listEventForAllNamespaces({ limit, ...(labelSelector ? { labelSelector } : {}) }, raw.options))
    return raw.json()
  },
})
