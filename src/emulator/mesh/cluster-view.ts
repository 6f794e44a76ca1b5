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

const keyOf = (object: KubeObject) => `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`

/** What the proxies need from the store, kept current by watches: a rule change applies to the very next request. */
export class ClusterView {
  #tables = new Map<Watched, Map<string, KubeObject>>()
  #stopWatches: (() => void)[] = []

  constructor(store: Store) {
    for (const key of Object.values(WATCHED)) {
      const table = new Map(store.list(key).map((object) => [keyOf(object), object]))
      this.#tables.set(key, table)
      this.#stopWatches.push(
        store.watch(key, {}, (event) => {
          if (event.type === 'DELETED') table.delete(keyOf(event.object))
          else table.set(keyOf(event.object), event.object)
        }),
      )
    }
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
