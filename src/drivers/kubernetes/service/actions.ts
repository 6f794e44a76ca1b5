import type { V1Service } from '@kubernetes/client-node'
import type { ActivityFunction } from '../../../experiment/activity-function.js'
import { callApi } from '../../shared/api-error.js'
import { readArguments } from '../../shared/arguments.js'
import { connect } from '../../shared/connect.js'
import { readManifest } from '../read-manifest.js'

/** chaosk8s.service.actions: create and delete Services. */
export const serviceActions = {
  create_service_endpoint: {
    params: ['spec_path', 'ns', 'secrets'],
    required: ['spec_path'],
    doc: 'Create a Service from the JSON or YAML file at `spec_path`.',
    run: async (args) => {
      const read = readArguments('create_service_endpoint', args)
      const body = await readManifest<V1Service>(read.requiredString('spec_path'), 'create_service_endpoint')
      const namespace = read.string('ns') ?? 'default'
      await callApi(`create a service in namespace '${namespace}'`, () => connect(read.secrets()).core.createNamespacedService({ namespace, body }))
      return null
    },
  },
  delete_service: {
    params: ['name', 'ns', 'secrets'],
    required: ['name'],
    doc: 'Delete the Service `name`.',
    run: async (args) => {
      const read = readArguments('delete_service', args)
      const name = read.requiredString('name')
      const namespace = read.string('ns') ?? 'default'
      await callApi(`delete service '${name}' in namespace '${namespace}'`, () => connect(read.secrets()).core.deleteNamespacedService({ name, namespace }))
      return null
    },
  },
} satisfies Record<string, ActivityFunction>
