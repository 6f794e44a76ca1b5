// The LIST that starts a watch, as client-go's informers do: the whole collection at one resourceVersion. A watch
// without a resourceVersion replays the collection as ADDED events one by one, so a wait that judged after each of
// them could finish on the first few objects (a Deployment seen "available" before the one still rolling out).
import { request as httpRequest } from 'node:http'
import { request as httpsRequest, type RequestOptions } from 'node:https'
import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node'
import { readStatusBody } from './status-message.js'

/** A collection as one LIST answered it. */
export interface ListedCollection<T extends KubernetesObject> {
  items: T[]
  /** Where a watch continues from. */
  resourceVersion: string | undefined
}

/** A failed LIST, with the HTTP status in the shape client-node's Watch errors have, so both read alike. */
export class ListFailedError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
  ) {
    super(message)
    this.name = 'ListFailedError'
  }
}

const MAX_BODY_BYTES = 256 * 1024 * 1024

const readBody = (options: RequestOptions & { url: URL }, signal: AbortSignal): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const send = options.url.protocol === 'https:' ? httpsRequest : httpRequest
    const outgoing = send(options.url, { ...options, signal }, (incoming) => {
      const chunks: Buffer[] = []
      let size = 0
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_BODY_BYTES) outgoing.destroy(new ListFailedError(`the list of ${options.url.pathname} is larger than ${MAX_BODY_BYTES} bytes`))
        else chunks.push(chunk)
      })
      incoming.on('error', reject)
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })

/** A page as large as client-go's reflector asks for: a big collection never comes as one huge answer. */
export const LIST_PAGE_SIZE = 500

interface ListPage<T> {
  items?: T[] | null
  metadata?: { resourceVersion?: string; continue?: string }
}

/**
 * GETs a collection (`/api/v1/pods`, `/apis/apps/v1/namespaces/bookinfo/deployments`, …) with the kubeconfig's
 * credentials and TLS settings, in pages of `pageSize` followed by their `continue` tokens, as client-go's pager
 * does; when a token has expired (410), it lists again in one answer. A non-2xx answer throws a
 * {@link ListFailedError} carrying its status.
 *
 * @example
 * const { items, resourceVersion } = await listCollection<V1Pod>(kc, '/api/v1/pods', { fieldSelector: 'spec.nodeName=worker-1' }, signal)
 */
export const listCollection = async <T extends KubernetesObject>(
  kc: KubeConfig,
  path: string,
  query: Record<string, string>,
  signal: AbortSignal,
  pageSize = LIST_PAGE_SIZE,
): Promise<ListedCollection<T>> => {
  const server = kc.getCurrentCluster()?.server
  if (!server) throw new ListFailedError('the kubeconfig has no current cluster')
  const options: RequestOptions = { method: 'GET', headers: { Accept: 'application/json' } }
  await kc.applyToHTTPSOptions(options)
  const getPage = async (paging: Record<string, string>): Promise<ListPage<T>> => {
    const url = new URL(`${server.replace(/\/+$/, '')}${path}`)
    for (const [name, value] of Object.entries({ ...query, ...paging })) url.searchParams.set(name, value)
    const { status, body } = await readBody({ ...options, url }, signal)
    if (status < 200 || status >= 300) throw new ListFailedError(`${status}: ${(readStatusBody(body)?.message ?? body).slice(0, 300)}`, status)
    return JSON.parse(body) as ListPage<T>
  }
  const items: T[] = []
  let page = await getPage({ limit: String(pageSize) })
  items.push(...(page.items ?? []))
  while (page.metadata?.continue) {
    try {
      page = await getPage({ limit: String(pageSize), continue: page.metadata.continue })
    } catch (error) {
      if (!(error instanceof ListFailedError) || error.statusCode !== 410) throw error
      const whole = await getPage({})
      return { items: whole.items ?? [], resourceVersion: whole.metadata?.resourceVersion }
    }
    items.push(...(page.items ?? []))
  }
  return { items, resourceVersion: page.metadata?.resourceVersion }
}
