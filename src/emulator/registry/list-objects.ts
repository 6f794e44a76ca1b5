// LIST: selectors, resourceVersion semantics and limit/continue pagination with apiserver-style tokens.
import type { KubeObject } from '../store/kube-object.js'
import type { Store } from '../store/store.js'
import { matchesFields, parseFieldSelector, type FieldRequirement } from './field-selector.js'
import { LabelSelectorError, matchesRequirements, parseLabelSelector, type LabelRequirement } from './label-selector.js'
import { storeKey, type ResourceDefinition } from './resource-definition.js'
import { ApiError, badRequest, failure } from './status.js'

/** One page of a LIST: its items, the list's resourceVersion and, when limited, where the next page starts. */
export interface ListPage {
  items: KubeObject[]
  resourceVersion: string
  continueToken?: string
  remainingItemCount?: number
}

export interface Selectors {
  labels: LabelRequirement[]
  fields: FieldRequirement[]
}

/** What a LIST asks for besides its selectors, as the query parameters of the same names say it. */
export interface ListOptions {
  resourceVersion?: string
  resourceVersionMatch?: string
  continue?: string
  limit?: number
}

/** Parses `labelSelector` and `fieldSelector` strings; a bad one is the 400 kube-apiserver answers. */
export const parseSelectors = (labelSelector: string, fieldSelector: string, resource: ResourceDefinition): Selectors => {
  let labels: LabelRequirement[]
  try {
    labels = parseLabelSelector(labelSelector)
  } catch (error) {
    if (error instanceof LabelSelectorError) throw badRequest(error.message)
    throw error
  }
  return { labels, fields: parseFieldSelector(fieldSelector, resource) }
}

export const matchesSelectors = (selectors: Selectors, object: KubeObject): boolean =>
  matchesRequirements(selectors.labels, object.metadata.labels) && matchesFields(selectors.fields, object)

const positionKey = (object: KubeObject, namespace: string | undefined, resource: ResourceDefinition) =>
  resource.namespaced && namespace === undefined ? `${object.metadata.namespace}/${object.metadata.name}` : (object.metadata.name ?? '')

const encodeToken = (rv: number, start: string) =>
  Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: `${start}\u0000` })).toString('base64url')

const goQuote = (char: string) => {
  const code = char.charCodeAt(0)
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `'\\u${code.toString(16).padStart(4, '0')}'` : `'${char}'`
}

const decodeToken = (token: string): { rv: number; start: string } => {
  const invalid = (why: string) => badRequest(`invalid continue token: continue key is not valid: ${why}`)
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw invalid('illegal base64 data at input byte 0')
  const text = Buffer.from(token, 'base64url').toString('latin1')
  let decoded: unknown
  try {
    decoded = JSON.parse(text)
  } catch {
    const bad = text.trimStart()[0] ?? ''
    throw invalid(bad ? `invalid character ${goQuote(bad)} looking for beginning of value` : 'unexpected end of JSON input')
  }
  const { v, rv, start } = (decoded ?? {}) as { v?: unknown; rv?: unknown; start?: unknown }
  if (v !== 'meta.k8s.io/v1' || typeof rv !== 'number' || typeof start !== 'string') {
    throw invalid('incorrect encoded start resourceVersion (version meta.k8s.io/v1)')
  }
  return { rv, start: start.endsWith('\u0000') ? start.slice(0, -1) : start }
}

/** Waits (≤ 3 s, as the watch cache does) for the store to reach a requested revision. */
const awaitRevision = async (store: Store, wanted: number): Promise<boolean> => {
  const deadline = Date.now() + 3000
  while (store.revision < wanted && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  return store.revision >= wanted
}

const checkResourceVersion = async (store: Store, options: ListOptions): Promise<void> => {
  const requested = options.resourceVersion
  if (!requested || requested === '0') return
  const wanted = Number(requested)
  if (!Number.isInteger(wanted) || wanted < 0) throw badRequest(`invalid resource version: ${requested}`)
  const exact = options.resourceVersionMatch === 'Exact'
  if (wanted > store.revision) {
    if (exact) throw new ApiError(failure(500, undefined, 'etcdserver: mvcc: required revision is a future revision'))
    if (!(await awaitRevision(store, wanted))) {
      throw new ApiError(
        failure(504, 'Timeout', `Timeout: Too large resource version: ${wanted}, current: ${store.revision}`, {
          causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
          retryAfterSeconds: 1,
        }),
        { 'Retry-After': '1' },
      )
    }
  }
  if (exact && wanted < store.oldestRevision) throw new ApiError(failure(410, 'Expired', 'The resourceVersion for the provided list is too old.'))
}

/** One page of matching objects, sorted by (namespace/)name. */
export const listObjects = async (
  store: Store,
  resource: ResourceDefinition,
  namespace: string | undefined,
  options: ListOptions,
  selectors: Selectors,
): Promise<ListPage> => {
  await checkResourceVersion(store, options)
  const token = options.continue
  const position = token ? decodeToken(token) : undefined
  if (position && position.rv < store.oldestRevision) {
    throw new ApiError({
      ...failure(
        410,
        'Expired',
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
      ),
      metadata: { continue: encodeToken(-1, position.start) },
    })
  }
  const listRevision = position && position.rv > 0 ? position.rv : store.revision
  let items = store.list(storeKey(resource), namespace).filter((object) => matchesSelectors(selectors, object))
  if (position) items = items.filter((object) => positionKey(object, namespace, resource) > position.start)
  const limit = options.limit ?? 0
  const fromCache = options.resourceVersion === '0'
  if (!Number.isInteger(limit) || limit <= 0 || fromCache || items.length <= limit) {
    return { items, resourceVersion: String(listRevision) }
  }
  const page = items.slice(0, limit)
  return {
    items: page,
    resourceVersion: String(listRevision),
    continueToken: encodeToken(listRevision, positionKey(page.at(-1)!, namespace, resource)),
    remainingItemCount: items.length - limit,
  }
}
