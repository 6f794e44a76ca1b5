// CREATE, UPDATE (PUT) and PATCH of whole objects and of their status subresource.
import { randomUUID } from 'node:crypto'
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { kubeNow } from '../store/kube-time.js'
import { StoreError } from '../store/store-error.js'
import { applyUpdateDefaults } from './apply-defaults.js'
import { pruneUnknownFields } from './canonical-order.js'
import { checkCustomResource } from './custom-resource-schema.js'
import { findResource } from './resource-table.js'
import { apiVersionOf, storeKey, type ResourceDefinition } from './resource-definition.js'
import { alreadyExists, ApiError, badRequest, conflict, failure, invalid, notFound } from './status.js'
import { validateObject } from './validate-object.js'

const NAMESPACES = findResource('', 'v1', 'namespaces')!
const SERVER_OWNED_META = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'selfLink', 'managedFields'] as const

const storageVersion = (resource: ResourceDefinition) => resource.view?.of.apiVersion ?? apiVersionOf(resource.group, resource.versions[0]!)

/** The object in the shape the store keeps: a view's objects are converted to the resource it views. */
const storedShape = (resource: ResourceDefinition, object: KubeObject): KubeObject => (resource.view ? resource.view.toStored(object) : object)

const checkValid = (resource: ResourceDefinition, object: KubeObject): void => {
  if (!resource.custom && object.spec !== undefined) object.spec = pruneUnknownFields(object, resource.kind).spec
  const errors = validateObject(resource, object)
  if (resource.custom) {
    const checked = checkCustomResource(resource.kind, object.spec)
    if (checked.spec !== undefined) object.spec = checked.spec
    errors.push(...checked.errors)
  }
  if (errors.length > 0) throw invalid(resource, object.metadata.name ?? '', errors)
}

const mapStoreError = (resource: ResourceDefinition, error: unknown): never => {
  if (error instanceof StoreError) {
    if (error.reason === 'AlreadyExists') throw alreadyExists(resource, error.objectName)
    if (error.reason === 'NotFound') throw notFound(resource, error.objectName)
    if (error.reason === 'Conflict') throw conflict(resource, error.objectName)
  }
  throw error
}

const checkNamespace = (store: Store, namespace: string | undefined): void => {
  if (namespace === undefined) return
  const found = store.get('namespaces', undefined, namespace)
  if (!found) throw notFound(NAMESPACES, namespace)
  if (found.metadata.deletionTimestamp) {
    throw new ApiError(
      failure(403, 'Forbidden', `unable to create new content in namespace ${namespace} because it is being terminated`, {
        name: namespace,
        kind: 'namespaces',
        causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
      }),
    )
  }
}

export interface WriteOptions {
  /** `dryRun=All`: every check runs, nothing is stored. */
  dryRun?: boolean
  /** Sets `after.metadata.managedFields` once defaults and validation are done (the API server's field managers). */
  recordManagers?: (before: KubeObject | undefined, after: KubeObject) => void
}

/** What a dry-run create answers: the object as the store would have written it. */
const dryRunCreated = (object: KubeObject): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, uid: randomUUID(), creationTimestamp: kubeNow(), ...(object.spec !== undefined && object.metadata.generation === undefined ? { generation: 1 } : {}) },
})

/** POST: defaults, validation, namespace existence, then the store. */
export const createObject = (store: Store, resource: ResourceDefinition, input: KubeObject, options: WriteOptions = {}): KubeObject => {
  const object = storedShape(resource, input)
  for (const field of SERVER_OWNED_META) delete object.metadata[field]
  delete object.metadata.resourceVersion
  object.apiVersion = storageVersion(resource)
  if (resource.namespaced) checkNamespace(store, object.metadata.namespace)
  resource.hooks?.defaultOnCreate?.(object, store)
  checkValid(resource, object)
  options.recordManagers?.(undefined, object)
  if (options.dryRun) {
    if (object.metadata.name && store.get(storeKey(resource), object.metadata.namespace, object.metadata.name)) throw alreadyExists(resource, object.metadata.name)
    return dryRunCreated(object)
  }
  try {
    return store.create(storeKey(resource), object)
  } catch (error) {
    return mapStoreError(resource, error)
  }
}

/**
 * PUT or the result of a PATCH. The main resource keeps the stored status when the kind has a status
 * subresource; the status subresource changes nothing but status.
 */
export const replaceObject = (store: Store, resource: ResourceDefinition, name: string, input: KubeObject, subresource?: string, options: WriteOptions = {}): KubeObject => {
  const object = storedShape(resource, input)
  if (object.metadata.name !== undefined && object.metadata.name !== name) {
    throw badRequest(`the name of the object (${String(object.metadata.name)}) does not match the name on the URL (${name})`)
  }
  const key = storeKey(resource)
  const current = store.get(key, object.metadata.namespace, name)
  if (!current) throw notFound(resource, name)
  const expected = object.metadata.resourceVersion
  if (expected && expected !== current.metadata.resourceVersion) throw conflict(resource, name)
  let next: KubeObject
  if (subresource === 'status') {
    next = { ...current, status: object.status }
  } else {
    next = { ...object, apiVersion: storageVersion(resource), metadata: { ...object.metadata, name } }
    for (const field of SERVER_OWNED_META) {
      if (current.metadata[field] === undefined) delete next.metadata[field]
      else (next.metadata as Record<string, unknown>)[field] = current.metadata[field]
    }
    if (resource.subresources.some((sub) => sub.name === 'status') && !resource.custom) next.status = current.status
    if (resource.custom && current.status !== undefined) next.status = current.status
    applyUpdateDefaults(resource, next)
  }
  next.metadata.resourceVersion = current.metadata.resourceVersion
  checkValid(resource, next)
  options.recordManagers?.(current, next)
  if (options.dryRun) return next
  try {
    return store.update(key, next)
  } catch (error) {
    return mapStoreError(resource, error)
  }
}
