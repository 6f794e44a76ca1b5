import type { KubeObject } from '../store/kube-object.js'
import { orderBuiltIn, sortKeysDeep } from '../registry/canonical-order.js'
import type { ListPage } from '../registry/list-objects.js'
import { apiVersionOf, type ResourceDefinition } from '../registry/resource-definition.js'

/** A stored object as the requested group-version serves it: kind/apiVersion set (CRs: one storage, any served version). */
export const presentObject = (resource: ResourceDefinition, version: string, object: KubeObject): KubeObject => {
  const served = resource.view ? resource.view.toServed(object) : object
  const typed = { ...served, kind: resource.kind, apiVersion: apiVersionOf(resource.group, version) }
  return resource.custom ? sortKeysDeep(typed) : orderBuiltIn(typed, resource.kind)
}

/** `PodList` and friends: built-in items drop kind/apiVersion; CR lists keep them, sort keys and always carry `continue`. */
export const listBody = (resource: ResourceDefinition, version: string, page: ListPage): Record<string, unknown> => {
  const apiVersion = apiVersionOf(resource.group, version)
  const kind = `${resource.kind}List`
  if (resource.custom) {
    return sortKeysDeep({
      apiVersion,
      kind,
      metadata: {
        continue: page.continueToken ?? '',
        ...(page.remainingItemCount !== undefined ? { remainingItemCount: page.remainingItemCount } : {}),
        resourceVersion: page.resourceVersion,
      },
      items: page.items.map((item) => presentObject(resource, version, item)),
    })
  }
  return {
    kind,
    apiVersion,
    metadata: {
      resourceVersion: page.resourceVersion,
      ...(page.continueToken ? { continue: page.continueToken } : {}),
      ...(page.remainingItemCount !== undefined ? { remainingItemCount: page.remainingItemCount } : {}),
    },
    items: page.items.map((item) => {
      const { kind: _kind, apiVersion: _apiVersion, ...rest } = presentObject(resource, version, item)
      return rest
    }),
  }
}
