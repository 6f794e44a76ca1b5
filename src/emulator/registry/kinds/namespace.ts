// Namespaces: label names, the `kubernetes` finalizer, Terminating on DELETE, removed once empty.
import type { KubeObject } from '../../store/kube-object.js'
import { kubeNow } from '../../store/kube-time.js'
import { DNS1123_LABEL } from '../name-formats.js'
import type { Json, ResourceHooks, Sweep } from '../resource-definition.js'
import { ignoreNotFound } from '../status.js'

const NAMESPACE_KEY = 'namespaces'
// The namespace controller takes a moment; clients (kubectl, tests) see the Terminating namespace meanwhile.
const NAMESPACE_FINALIZE_DELAY_MS = 1000

const defaultNamespace = (namespace: Json): void => {
  const metadata = namespace.metadata as Json
  metadata.labels = { ...(metadata.labels as Json | undefined), 'kubernetes.io/metadata.name': metadata.name }
  namespace.spec = { finalizers: ['kubernetes'] }
  namespace.status = { phase: 'Active' }
}

/** A terminating namespace leaves the store once nothing is left in it (and the controller's moment has passed). */
const collectNamespace = (namespace: KubeObject, { store, all, later }: Sweep): void => {
  const { name = '', deletionTimestamp } = namespace.metadata
  if (!deletionTimestamp || all.some((entry) => entry.object.metadata.namespace === name)) return
  const due = Date.parse(deletionTimestamp) + NAMESPACE_FINALIZE_DELAY_MS - Date.now()
  if (due > 0) later(due)
  else ignoreNotFound(() => store.remove(NAMESPACE_KEY, undefined, name))
}

export const NAMESPACE_HOOKS: ResourceHooks = {
  defaultOnCreate: defaultNamespace,
  nameFormat: DNS1123_LABEL,
  delete: (store, current) => {
    if (current.metadata.deletionTimestamp) return { object: current, removed: false }
    const object = store.update(NAMESPACE_KEY, {
      ...current,
      metadata: { ...current.metadata, deletionTimestamp: kubeNow() },
      status: { ...(current.status as object), phase: 'Terminating' },
    })
    return { object, removed: false }
  },
  deleteAnswersObject: true,
  collect: collectNamespace,
}
