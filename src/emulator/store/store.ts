import { randomUUID } from 'node:crypto'
import type { KubeObject, ResourceKey } from './kube-object.js'
import { StoreError } from './store-error.js'
import { kubeNow } from './kube-time.js'

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface StoreEvent {
  type: WatchEventType
  key: ResourceKey
  object: KubeObject
  resourceVersion: number
}

export type StoreListener = (event: StoreEvent) => void

export interface UpdateOptions {
  /** A write through the status subresource (controllers do this): `generation` stays as it is. */
  status?: boolean
}

export interface WatchOptions {
  namespace?: string
  /** Replay events strictly after this revision; throws `Expired` when it left the history window. */
  fromResourceVersion?: number
}

const HISTORY_LIMIT = 10_000
const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

const clone = <T>(value: T): T => structuredClone(value)
const objectKey = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`
const readableName = (key: ResourceKey) => key.split('/').reverse().join('.')

/** Cluster state: objects by resource, one resourceVersion counter, and an event history for watches. */
export class Store {
  #revision = 1
  #objects = new Map<ResourceKey, Map<string, KubeObject>>()
  #history: StoreEvent[] = []
  #listeners = new Set<{ key: ResourceKey; namespace?: string; listener: StoreListener }>()

  get revision(): number {
    return this.#revision
  }

  /** The oldest revision a watch or a paginated list can still resume from. */
  get oldestRevision(): number {
    return (this.#history[0]?.resourceVersion ?? this.#revision + 1) - 1
  }

  get(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.#table(key).get(objectKey(namespace, name))
    return found && clone(found)
  }

  /** Objects of one resource, sorted by namespace then name, as an API server lists them. */
  list(key: ResourceKey, namespace?: string): KubeObject[] {
    return [...this.#table(key).values()]
      .filter((object) => namespace === undefined || object.metadata.namespace === namespace)
      .sort((a, b) => objectKey(a.metadata.namespace, a.metadata.name ?? '').localeCompare(objectKey(b.metadata.namespace, b.metadata.name ?? '')))
      .map(clone)
  }

  create(key: ResourceKey, input: KubeObject): KubeObject {
    const object = clone(input)
    const metadata = object.metadata
    if (!metadata.name && metadata.generateName) metadata.name = this.#generateName(key, metadata.namespace, metadata.generateName)
    if (!metadata.name) throw new StoreError('Invalid', readableName(key), '', 'name or generateName is required')
    const table = this.#table(key)
    if (table.has(objectKey(metadata.namespace, metadata.name))) {
      throw new StoreError('AlreadyExists', readableName(key), metadata.name, `${readableName(key)} "${metadata.name}" already exists`)
    }
    metadata.uid = randomUUID()
    metadata.creationTimestamp = kubeNow()
    if (metadata.generation === undefined && 'spec' in object && tracksGeneration(key)) metadata.generation = 1
    delete metadata.deletionTimestamp
    return this.#write(key, 'ADDED', object)
  }

  /**
   * Replaces an object. With `metadata.resourceVersion` set, it must match the stored one (else `Conflict`).
   * `generation` increments when anything but `status` and `metadata.resourceVersion` changes.
   */
  update(key: ResourceKey, input: KubeObject, options: UpdateOptions = {}): KubeObject {
    const object = clone(input)
    const name = object.metadata.name ?? ''
    const current = this.#table(key).get(objectKey(object.metadata.namespace, name))
    if (!current) throw new StoreError('NotFound', readableName(key), name, `${readableName(key)} "${name}" not found`)
    const expected = object.metadata.resourceVersion
    if (expected && expected !== current.metadata.resourceVersion) {
      throw new StoreError(
        'Conflict',
        readableName(key),
        name,
        `Operation cannot be fulfilled on ${readableName(key)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      )
    }
    object.metadata.uid = current.metadata.uid
    object.metadata.creationTimestamp = current.metadata.creationTimestamp
    object.metadata.resourceVersion = current.metadata.resourceVersion
    if (deepEqual(object, current)) return clone(current)
    if (!options.status && current.metadata.generation !== undefined && specChanged(current, object)) {
      object.metadata.generation = current.metadata.generation + 1
    } else {
      object.metadata.generation = current.metadata.generation
    }
    return this.#write(key, 'MODIFIED', object)
  }

  /** Removes an object for good (graceful deletion is the API server's and kubelet's business). */
  remove(key: ResourceKey, namespace: string | undefined, name: string): KubeObject {
    const table = this.#table(key)
    const current = table.get(objectKey(namespace, name))
    if (!current) throw new StoreError('NotFound', readableName(key), name, `${readableName(key)} "${name}" not found`)
    table.delete(objectKey(namespace, name))
    this.#revision += 1
    const object = clone(current)
    object.metadata.resourceVersion = String(this.#revision)
    this.#emit({ type: 'DELETED', key, object, resourceVersion: this.#revision })
    return clone(object)
  }

  /** Live events of one resource (or `*` for all resources); replays history after `fromResourceVersion` first. */
  watch(key: ResourceKey, options: WatchOptions, listener: StoreListener): () => void {
    const from = options.fromResourceVersion
    if (from !== undefined) {
      const oldest = this.#history[0]?.resourceVersion ?? this.#revision + 1
      if (from < oldest - 1 && from < this.#revision) {
        throw new StoreError('Expired', readableName(key), '', `too old resource version: ${from} (${oldest - 1})`)
      }
      for (const event of this.#history) {
        if (event.resourceVersion > from && matches(event, key, options.namespace)) listener(clone(event))
      }
    }
    const entry = { key, namespace: options.namespace, listener }
    this.#listeners.add(entry)
    return () => this.#listeners.delete(entry)
  }

  #write(key: ResourceKey, type: WatchEventType, object: KubeObject): KubeObject {
    this.#revision += 1
    object.metadata.resourceVersion = String(this.#revision)
    this.#table(key).set(objectKey(object.metadata.namespace, object.metadata.name ?? ''), object)
    this.#emit({ type, key, object: clone(object), resourceVersion: this.#revision })
    return clone(object)
  }

  #emit(event: StoreEvent): void {
    this.#history.push(event)
    if (this.#history.length > HISTORY_LIMIT) this.#history.splice(0, this.#history.length - HISTORY_LIMIT)
    for (const { key, namespace, listener } of [...this.#listeners]) {
      if (matches(event, key, namespace)) listener(clone(event))
    }
  }

  #table(key: ResourceKey): Map<string, KubeObject> {
    let table = this.#objects.get(key)
    if (!table) this.#objects.set(key, (table = new Map<string, KubeObject>()))
    return table
  }

  #generateName(key: ResourceKey, namespace: string | undefined, prefix: string): string {
    const base = prefix.slice(0, 58)
    for (;;) {
      let suffix = ''
      for (let i = 0; i < 5; i += 1) suffix += GENERATE_NAME_ALPHABET[Math.floor(Math.random() * GENERATE_NAME_ALPHABET.length)]
      if (!this.#table(key).has(objectKey(namespace, base + suffix))) return base + suffix
    }
  }
}

// Core (v1) kinds and Leases have no metadata.generation; apps, policy and custom resources do.
const tracksGeneration = (key: ResourceKey) => key.includes('/') && !key.startsWith('coordination.k8s.io/')

const matches = (event: StoreEvent, key: ResourceKey, namespace?: string) =>
  (key === '*' || event.key === key) && (namespace === undefined || event.object.metadata.namespace === namespace)

/** Structural equality that ignores key order (clients reorder keys freely). */
const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined)
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined)
  return aKeys.length === bKeys.length && aKeys.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

const specChanged = (before: KubeObject, after: KubeObject): boolean => {
  const strip = ({ status: _status, metadata, ...rest }: KubeObject) => {
    const { resourceVersion: _rv, generation: _gen, managedFields: _mf, ...meta } = metadata
    return { ...rest, metadata: meta }
  }
  return !deepEqual(strip(before), strip(after))
}
