// What the registry knows of a resource: its API identity, and its kind's own behaviour as optional hooks.
import { resourceKey, type KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import type { DeleteOptions, DeleteOutcome } from './delete-object.js'
import type { FieldError } from './status.js'

export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch'

export type Json = Record<string, unknown>

export interface SubresourceDefinition {
  name: 'status' | 'scale' | 'eviction' | 'log'
  verbs: string[]
  /** Discovery entry when it differs from the parent (eviction → policy/v1 Eviction, scale → autoscaling/v1 Scale). */
  group?: string
  version?: string
  kind?: string
}

/** How object names of a kind are checked: the pattern, its message and the longest name. */
export interface NameFormat {
  pattern: RegExp
  message: string
  maxLength: number
}

/** One garbage-collector pass, as a kind's `collect` hook sees it. */
export interface Sweep {
  store: Store
  /** Every stored object with its resource, as the pass found them. */
  all: { resource: ResourceDefinition; object: KubeObject }[]
  /** Asks for another pass in `delayMs`. */
  later: (delayMs: number) => void
}

/** A kind's own behaviour; a kind without a hook gets the generic registry behaviour. */
export interface ResourceHooks {
  /** Defaults and admission on create, as kube-apiserver's strategy and admission plugins add them (mutates). */
  defaultOnCreate?: (object: Json, store: Store) => void
  /** Defaults re-applied to `spec` on every update (a merge patch that drops a list gets it defaulted again). */
  defaultOnUpdate?: (spec: Json) => void
  /** The format of `metadata.name`; a DNS-1123 subdomain when absent. */
  nameFormat?: NameFormat
  /** Adds the kind's field errors, in the order kube-apiserver reports them. */
  validate?: (object: KubeObject, errors: FieldError[]) => void
  /** Replaces the finalizer and propagation path of DELETE (pods: graceful deletion; namespaces: Terminating). */
  delete?: (store: Store, current: KubeObject, options: DeleteOptions) => DeleteOutcome
  /** DELETE answers the object, not a Success Status, even once it is gone. */
  deleteAnswersObject?: true
  /** Replaces the garbage collector's owner and finalizer handling of each object of this kind. */
  collect?: (object: KubeObject, sweep: Sweep) => void
  /** Terminating objects of this kind are removed by the kubelet, never by the garbage collector. */
  removedByKubelet?: true
}

/**
 * A resource served as a converted view of another one's stored objects, as kube-apiserver serves
 * events.k8s.io/v1 Events from the core/v1 Event storage: one store, two shapes.
 */
export interface ResourceView {
  /** The resource whose stored objects this one serves. */
  of: { group: string; plural: string; apiVersion: string }
  /** A stored object in this resource's shape (kind and apiVersion are set by the caller). */
  toServed: (stored: KubeObject) => KubeObject
  /** An object of this resource in the stored resource's shape. */
  toStored: (served: KubeObject) => KubeObject
  /** Field selector labels of this resource that name another field of the stored object. */
  renamedFieldLabels: Record<string, string>
}

export interface ResourceDefinition {
  group: string
  /** Served versions, preferred (storage) first. */
  versions: string[]
  plural: string
  kind: string
  namespaced: boolean
  verbs: Verb[]
  shortNames?: string[]
  categories?: string[]
  storageVersionHash: string
  subresources: SubresourceDefinition[]
  /** Custom resource: unstructured JSON, keys sorted, lists keep kind/apiVersion, no strategic merge. */
  custom?: boolean
  /** Field selectors beyond metadata.name / metadata.namespace. */
  fieldLabels?: string[]
  /** Spec writes bump metadata.generation. */
  generation?: boolean
  hooks?: ResourceHooks
  view?: ResourceView
}

/** `pods`, `deployments.apps`: how messages name a resource. */
export const qualifiedName = (resource: Pick<ResourceDefinition, 'group' | 'plural'>): string =>
  resource.group ? `${resource.plural}.${resource.group}` : resource.plural

/** The Store key of a resource (`pods`, `apps/deployments`); a view's is that of the resource it views. */
export const storeKey = (resource: Pick<ResourceDefinition, 'group' | 'plural' | 'view'>): string => {
  const stored = resource.view?.of ?? resource
  return resourceKey(stored.group, stored.plural)
}

export const apiVersionOf = (group: string, version: string): string => (group ? `${group}/${version}` : version)
