// pods/<name>/log: text from the podLogs reader, or the 500 a real server gives when the kubelet is unreachable.
import type { ServerResponse } from 'node:http'
import type { KubeObject } from '../store/kube-object.js'
import type { PodLogOptions } from '../registry/pod-log-reader.js'
import type { ApiContext } from './api-context.js'
import { ApiError, badRequest, failure } from '../registry/status.js'

const numberParam = (query: URLSearchParams, name: string) => {
  const value = query.get(name)
  return value !== null && Number.isFinite(Number(value)) ? Number(value) : undefined
}

export const readPodLog = (context: ApiContext, response: ServerResponse, pod: KubeObject, query: URLSearchParams): void => {
  const name = pod.metadata.name ?? ''
  const namespace = pod.metadata.namespace ?? ''
  const spec = (pod.spec ?? {}) as { nodeName?: string; containers?: { name: string }[]; initContainers?: { name: string }[] }
  const containers = (spec.containers ?? []).map((container) => container.name)
  const all = [...containers, ...(spec.initContainers ?? []).map((container) => container.name)]
  let container = query.get('container') ?? undefined
  if (container === undefined) {
    if (containers.length !== 1) throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`)
    container = containers[0]
  } else if (!all.includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${name}`)
  }
  if (!spec.nodeName) throw badRequest(`pod ${name} does not have a host assigned`)
  const options: PodLogOptions = {
    ...(numberParam(query, 'tailLines') !== undefined ? { tailLines: numberParam(query, 'tailLines') } : {}),
    ...(numberParam(query, 'sinceSeconds') !== undefined ? { sinceSeconds: numberParam(query, 'sinceSeconds') } : {}),
    ...(query.get('previous') === 'true' ? { previous: true } : {}),
    ...(query.get('timestamps') === 'true' ? { timestamps: true } : {}),
  }
  const text = context.podLogs?.(namespace, name, container, options)
  if (text === undefined) {
    const suffix = query.toString() ? `?${new URLSearchParams([...query].filter(([key]) => key !== 'container')).toString()}` : ''
    throw new ApiError(
      failure(500, undefined, `Get "https://${spec.nodeName}:10250/containerLogs/${namespace}/${name}/${container}${suffix === '?' ? '' : suffix}": dial tcp: lookup ${spec.nodeName}: no such host`),
    )
  }
  if (query.get('follow') === 'true') return followPodLog(context, response, pod, container ?? '', options, text)
  response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) })
  response.end(text)
}

const FOLLOW_POLL_MS = 200
const FOLLOW_LIMIT_MS = 30 * 60_000

/**
 * `follow=true`: the text so far, then what the container writes, until the pod is gone, the client leaves or
 * 30 minutes pass (the kubelet's stream has no end of its own; the limit keeps this loop bounded).
 */
const followPodLog = (context: ApiContext, response: ServerResponse, pod: KubeObject, container: string, options: PodLogOptions, first: string): void => {
  const namespace = pod.metadata.namespace ?? ''
  const name = pod.metadata.name ?? ''
  const { tailLines: _tail, sinceSeconds: _since, ...unbounded } = options
  let sent = context.podLogs?.(namespace, name, container, unbounded) ?? ''
  response.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' })
  response.write(first)
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    clearInterval(timer)
    context.watches.delete(stop)
    response.end()
  }
  const timer = setInterval(() => {
    const current = context.store.get('pods', namespace, name)
    const text = context.podLogs?.(namespace, name, container, unbounded)
    if (!current || current.metadata.uid !== pod.metadata.uid || text === undefined) return stop()
    if (text.length > sent.length && text.startsWith(sent)) response.write(text.slice(sent.length))
    sent = text
  }, FOLLOW_POLL_MS)
  const limit = setTimeout(stop, FOLLOW_LIMIT_MS)
  limit.unref()
  context.watches.add(stop)
  response.once('close', () => {
    clearTimeout(limit)
    stop()
  })
}
