import type { KubeObject, ResourceKey } from '../store/kube-object.js'
import type { Store } from '../store/store.js'

export const WATCHED = {
  pods: 'pods',
  services: 'services',
  virtualServices: 'networking.istio.io/virtualservices',
  destinationRules: 'networking.istio.io/destinationrules',
  gateways: 'networking.istio.io/gateways',
} as const satisfies Record<string, ResourceKey>

type Watched = (typeof WATCHED)[keyof typeof WATCHED]

// Host names come from requests; a bound keeps a client that sends many from growing the cache without end.
const MAX_DERIVED = 1_000

const keyOf = (object: KubeObject) => `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`

/** What the proxies need from the store, kept current by watches: a rule change applies to the very next request. */
export class ClusterView {
  #tables = new Map<Watched, Map<string, KubeObject>>()
  #derived = new Map<Watched, Map<string, unknown>>()
  #stopWatches: (() => void)[] = []

  constructor(store: Store) {
    for (const key of Object.values(WATCHED)) {
      const table = new Map(store.list(key).map((object) => [keyOf(object), object]))
      const derived = new Map<string, unknown>()
      this.#tables.set(key, table)
      this.#derived.set(key, derived)
      this.#stopWatches.push(
        store.watch(key, {}, (event) => {
          derived.clear()
          if (event.type === 'DELETED') table.delete(keyOf(event.object))
          else table.set(keyOf(event.object), event.object)
        }),
      )
    }
  }

  /**
   * A value computed from one table only, kept until that table changes: route lookups are worked out once per
   * VirtualService, DestinationRule or Gateway change instead of on every request. Callers must not mutate it.
   */
  derive<T>(key: Watched, id: string, compute: () => T): T {
    const derived = this.#derived.get(key)!
    if (derived.has(id)) return derived.get(id) as T
    if (derived.size >= MAX_DERIVED) derived.clear()
    const value = compute()
    derived.set(id, value)
    return value
  }

  list(key: Watched, namespace?: string): KubeObject[] {
    const all = [...(this.#tables.get(key)?.values() ?? [])]
    return namespace === undefined ? all : all.filter((object) => object.metadata.namespace === namespace)
  }

  get(key: Watched, namespace: string, name: string): KubeObject | undefined {
    return this.#tables.get(key)?.get(`${namespace}/${name}`)
  }

  close(): void {
    for (const stop of this.#stopWatches.splice(0)) stop()
  }
}

/** Oldest first (creationTimestamp, then namespace/name): the order Istio uses when rules conflict. */
export const oldestFirst = (a: KubeObject, b: KubeObject): number =>
  String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')) || keyOf(a).localeCompare(keyOf(b))

/** A stored object's `spec`, typed as the caller knows it to be; `{}` when absent. */
export const specOf = <T>(object: KubeObject): T => (object.spec ?? {}) as T
